namespace RegisterMasks.Generator.Model;

/// <summary>One member of a <c>[RegisterFile]</c> enum, in declaration order.</summary>
/// <param name="Index">The member's value, clamped to <see cref="long"/> (see <paramref name="IndexText"/>).</param>
/// <param name="IndexText">The value as written in messages, exact even past <see cref="long.MaxValue"/>.</param>
/// <param name="IsRegister">False for <c>[NotARegister]</c> sentinels, which get no bit.</param>
internal sealed record RegisterModel(string Name, long Index, string IndexText, bool IsRegister, LocationInfo Location);

/// <summary>A <c>[RegisterFile]</c> enum, as the parser saw it.</summary>
/// <param name="EnumFullName">The enum's <c>global::</c>-qualified name: the key sets refer to it by.</param>
/// <param name="EnumName">The enum's name as a user reads it in messages.</param>
/// <param name="Namespace">The namespace the mask is generated in, empty for the global namespace.</param>
/// <param name="IsPublic">Whether the enum is visible outside its assembly (the mask gets the same).</param>
/// <param name="Width">The width in bits, already checked to be supported when <paramref name="HasErrors"/> is false.</param>
/// <param name="Diagnostics">What the parser found wrong with this file alone.</param>
internal sealed record RegisterFileModel(
    string EnumFullName,
    string EnumName,
    string Namespace,
    string MaskName,
    bool IsPublic,
    int Width,
    EquatableArray<RegisterModel> Members,
    LocationInfo MaskNameLocation,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
