namespace RegisterMasks.Shared;

/// <summary>
/// What a diagnostic tells its code fix, as <c>Diagnostic.Properties</c>: the rule that decides a
/// fix lives with the rule that found the mistake (the parser or resolver), and the fix only edits
/// syntax. In Shared/: compiled into the generator and into the code-fix assembly.
/// </summary>
internal static class FixProperties
{
    /// <summary>RM0001, RM0003: the supported width to write instead (absent when none fits).</summary>
    public const string Width = "RegisterMasks.Width";

    /// <summary>RM0007: set names to offer instead, nearest first, separated by <see cref="Separator"/>.</summary>
    public const string Candidates = "RegisterMasks.Candidates";

    public const char Separator = ';';

    /// <summary>RM0021-RM0024: the generated extension class a static call names, as code at the diagnostic binds it to ours.</summary>
    public const string Extensions = "RegisterMasks.Extensions";

    /// <summary>RM0021-RM0023: present when <c>mask.Method()</c> binds to our extension at the diagnostic (else the fix writes a static call).</summary>
    public const string ExtensionCall = "RegisterMasks.ExtensionCall";

    /// <summary>RM0022 on a register class's mask: the name of its conversion from a register, <c>To{Mask}</c> (a file's is <c>ToMask</c>).</summary>
    public const string Conversion = "RegisterMasks.Conversion";

    /// <summary>RM0025, RM0026: expressions to write instead, as code at the diagnostic binds them, best first, separated by <see cref="ReplacementSeparator"/>.</summary>
    public const string Replacements = "RegisterMasks.Replacements";

    /// <summary>
    /// RM0028: the missing registers as the switch's position binds them, in the user's style
    /// (<c>VcpuReg.RCX</c>, or <c>RCX</c> under <c>using static</c>), separated by <see cref="ReplacementSeparator"/>.
    /// </summary>
    public const string MissingCases = "RegisterMasks.MissingCases";

    /// <summary>RM0028: the exception a new case throws, as the switch's position names it (<c>NotImplementedException</c>, else its <c>global::</c> name).</summary>
    public const string CaseException = "RegisterMasks.CaseException";

    /// <summary>A character no expression holds (an expression may hold ';' in a lambda, and new lines).</summary>
    public const char ReplacementSeparator = '\u001F';
}
