namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// The generated JSON converter, driven through <c>JsonSerializer</c> on seeded random masks: each
/// writes as the array of its registers' names (given here by the reference model), reads back equal,
/// reads from <c>TryParse</c>'s string forms too, and every malformed input is a <c>JsonException</c>.
/// Written against the mask API alone, for enum and struct masks.
/// </summary>
internal static class JsonProbe
{
    /// <param name="shownNames">Each register's name, by its bit (a file's index).</param>
    /// <param name="asClass">For a register class's mask: its bits' registers, its conversion and its cache's holder.</param>
    public static string For(string enumName, string maskName, IEnumerable<(int Index, string Name)> shownNames, ClassIndexing? asClass = null)
    {
        var names = string.Join(", ", shownNames.Select(entry => $"[{entry.Index}] = \"{entry.Name}\""));
        return $$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Text.Json;

            public static class JsonProbe
            {
            {{Probe.Indexing(enumName, asClass)}}

                private static readonly Dictionary<int, string> s_names = new Dictionary<int, string> { {{names}} };

                private static readonly JsonSerializerOptions s_options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

                public static string Check(int seed, int count)
                {
                    var random = new System.Random(seed);
                    var registers = {{maskName}}.All.Registers().ToList();
                    for (int i = 0; i < count; i++)
                    {
                        var mask = {{maskName}}.None;
                        foreach (var register in registers.Where(_ => random.Next(3) == 0)) mask = mask.With(register);
                        string json = JsonSerializer.Serialize(mask, s_options);
                        string expected = "[" + string.Join(",", mask.Registers().Select(r => "\"" + s_names[Bit(r)] + "\"")) + "]";
                        if (json != expected) return "wrote " + json + ", expected " + expected;
                        if (JsonSerializer.Deserialize<{{maskName}}>(json, s_options) != mask) return "read back " + json;
                        if (JsonSerializer.Deserialize<{{maskName}}>(JsonSerializer.Serialize(mask.ToStringFast()), s_options) != mask) return "read the string " + mask.ToStringFast();
                        var holder = JsonSerializer.Deserialize<Holder>("{\"Mask\":" + json + "}", s_options);
                        if (holder == null || holder.Mask != mask) return "as a property: " + json;
                    }
                    foreach (var bad in new[] { "[\"NO_SUCH_REGISTER\"]", "[1]", "[\"None\"]", "[\"All\"]", "[\"0x1\"]", "[\"A, B\"]", "\"NO_SUCH_REGISTER\"", "42", "{}", "[null]" })
                    {
                        try
                        {
                            JsonSerializer.Deserialize<{{maskName}}>(bad, s_options);
                            return "accepted " + bad;
                        }
                        catch (JsonException)
                        {
                        }
                    }
                    return "";
                }

                public sealed class Holder
                {
                    public {{maskName}} Mask { get; set; }
                }
            }
            """;
    }
}
