using System.Globalization;
using System.Text;

namespace RegisterMasks.Tests.Modelling;

/// <summary>
/// C# compiled beside a <see cref="ClassCase"/>: for each class, the raw bits of every mask member and set
/// (the enum's value for a narrow mask, <c>ToWords()</c> for a struct mask), the <c>_ORDER</c> of ordered sets,
/// <c>ToStringFast</c> of each, and for every member of the enum <c>To{Mask}()</c>, <c>All.Contains</c>,
/// <c>All.IndexOf</c> and the text of its mask. <see cref="Expected"/> is the same listing from the reference model.
/// </summary>
internal static class ClassProbe
{
    public static string For(ClassCase model)
    {
        var code = new StringBuilder();
        var enumName = model.QualifiedEnum;
        code.Append($$"""
            using System.Linq;

            public static class ClassProbe
            {
                private static readonly {{enumName}}[] s_members = { {{string.Join(", ", Enumerable.Range(0, model.Members.Length).Select(model.Expression))}} };

                private static string Bits(params ulong[] words) =>
                    string.Join(",", Enumerable.Range(0, words.Length * 64).Where(i => ((words[i >> 6] >> (i & 63)) & 1) != 0));

                private static string Text(System.Collections.Generic.IEnumerable<{{enumName}}> registers, System.Func<{{enumName}}, string> bit) =>
                    string.Join(",", registers.Select(bit));

            """);
        var dump = new StringBuilder();
        for (var k = 0; k < model.Classes.Length; k++)
        {
            var registerClass = model.Classes[k];
            var mask = model.Qualified(registerClass.MaskName);
            var toMask = "To" + registerClass.MaskName;
            code.Append($"    private static string B{k}({mask} mask) => {(registerClass.Width <= 64 ? "Bits((ulong)mask)" : "Bits(mask.ToWords())")};\n");
            code.Append($"    private static readonly {enumName}[] s_bits{k} = {{ {string.Join(", ", registerClass.Bits.Select(model.Expression))} }};\n");
            code.Append($"    private static readonly {mask}[] s_named{k} = {{ {string.Join(", ", registerClass.Bits.Select(position => $"{mask}.{model.Members[position].Written}"))} }};\n");
            dump.Append($"        text.Append(\"{k}:None=\").Append(B{k}({mask}.None)).Append(\";All=\").Append(B{k}({mask}.All)).Append(\";\").Append({mask}.All.ToStringFast()).Append('\\n');\n");
            dump.Append($"        foreach (var member in s_named{k}) text.Append(\"{k}:member=\").Append(B{k}(member)).Append(';').Append(member.ToStringFast()).Append('\\n');\n");
            dump.Append($"        for (int i = 0; i < s_members.Length; i++) {{ var register = s_members[i]; text.Append(\"{k}:#\").Append(i).Append(\"=\").Append(B{k}(register.{toMask}())).Append(';')" +
                $".Append({mask}.All.Contains(register)).Append(';').Append({mask}.All.IndexOf(register)).Append(';').Append(register.{toMask}().ToStringFast()).Append('\\n'); }}\n");
            foreach (var set in model.Sets.Where(set => set.Class == k))
            {
                var access = ClassSource.SetAccess(model, set);
                dump.Append($"        text.Append(\"{k}:{set.Name}=\").Append(B{k}({access})).Append(';').Append({access}.ToStringFast()).Append('\\n');\n");
                if (set.Ordered)
                {
                    // A span or a read-only list, by target: both have ToArray(). Each register's bit, by the model's table.
                    dump.Append($"        text.Append(\"{k}:{set.Name}_ORDER=\").Append(Text({access}_ORDER.ToArray(), register => System.Array.IndexOf(s_bits{k}, register).ToString(System.Globalization.CultureInfo.InvariantCulture))).Append('\\n');\n");
                }
            }
        }
        code.Append("\n    public static string Dump()\n    {\n        var text = new System.Text.StringBuilder();\n")
            .Append(dump)
            .Append("        return text.ToString();\n    }\n}\n");
        return code.ToString();
    }

    public static string Expected(ClassCase model)
    {
        var text = new StringBuilder();
        static string Bits(IEnumerable<int> bits) => string.Join(",", bits.Order().Select(bit => bit.ToString(CultureInfo.InvariantCulture)));
        for (var k = 0; k < model.Classes.Length; k++)
        {
            var registerClass = model.Classes[k];
            var all = Enumerable.Range(0, registerClass.Bits.Length).ToList();
            text.Append($"{k}:None=;All={Bits(all)};All\n");
            foreach (var bit in all)
            {
                text.Append($"{k}:member={bit};{model.Text(registerClass, new[] { bit })}\n");
            }
            for (var position = 0; position < model.Members.Length; position++)
            {
                var member = model.Members[position];
                var bit = model.BitOfValue(registerClass, member.Value);
                var held = bit is { } b ? new[] { b } : Array.Empty<int>();
                text.Append($"{k}:#{position}={Bits(held)};{(bit is null ? "False" : "True")};{bit ?? -1};{model.Text(registerClass, held)}\n");
            }
            foreach (var set in model.Sets.Where(set => set.Class == k))
            {
                var value = model.Value(set);
                text.Append($"{k}:{set.Name}={Bits(value)};{model.Text(registerClass, value)}\n");
                if (set.Ordered)
                {
                    text.Append($"{k}:{set.Name}_ORDER={string.Join(",", model.Order(set).Select(bit => bit.ToString(CultureInfo.InvariantCulture)))}\n");
                }
            }
        }
        return text.ToString();
    }
}
