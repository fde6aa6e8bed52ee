using System.Text;
using RegisterMasks.Generator.Emitting;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// The baseline for template rendering: the text of RegisterSets.sbn (one type's block, without the file's header) written with a plain
/// StringBuilder from the same view. It lives here only, to measure Scriban against.
/// </summary>
internal static class StringBuilderSetsEmitter
{
    public static string Render(SetsView view)
    {
        var text = new StringBuilder(4096);
        if (view.HasNamespace)
        {
            text.Append("namespace ").Append(view.NamespaceName).Append("\n{\n");
        }
        foreach (var container in view.Containers)
        {
            text.Append(container.Indent).Append("partial ").Append(container.Keyword).Append(' ').Append(container.Name).Append('\n');
            text.Append(container.Indent).Append("{\n");
        }
        var indent = view.MemberIndent;
        for (var i = 0; i < view.Constants.Count; i++)
        {
            var constant = view.Constants[i];
            if (i > 0)
            {
                text.Append('\n');
            }
            text.Append(indent).Append("/// <summary>\n");
            foreach (var line in constant.SummaryLines)
            {
                text.Append(indent).Append("/// ").Append(line).Append('\n');
            }
            text.Append(indent).Append("/// </summary>\n");
            text.Append(indent).Append("/// <remarks>").Append(constant.Remarks).Append("</remarks>\n");
            text.Append(indent).Append(constant.Accessibility).Append(' ').Append(constant.Modifier).Append(' ')
                .Append(constant.MaskFullName).Append(' ').Append(constant.Name).Append(" =\n");
            foreach (var line in constant.ValueLines)
            {
                text.Append(indent).Append("    ").Append(line).Append('\n');
            }
        }
        foreach (var container in view.ContainersInnermostFirst)
        {
            text.Append(container.Indent).Append("}\n");
        }
        if (view.HasNamespace)
        {
            text.Append("}\n");
        }
        return text.ToString();
    }
}
