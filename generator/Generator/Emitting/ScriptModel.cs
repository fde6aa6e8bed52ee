using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using Scriban.Runtime;

namespace RegisterMasks.Generator.Emitting;

/// <summary>
/// Turns a view into Scriban's own objects before rendering. Handed a plain .NET object, Scriban
/// reflects over its type anew in every render (its accessors are cached per context, and each render
/// has a new context); a <see cref="ScriptObject"/> is read as the dictionary it is. The snake_case
/// names and property getters are found once per view type, for the whole process.
/// </summary>
internal static class ScriptModel
{
    private static readonly ConcurrentDictionary<System.Type, (string Name, PropertyInfo Property)[]> s_properties = new();

    public static ScriptObject From(object view)
    {
        var script = new ScriptObject();
        foreach (var (name, property) in s_properties.GetOrAdd(view.GetType(), PropertiesOf))
        {
            script.Add(name, Convert(property.GetValue(view)));
        }
        return script;
    }

    /// <summary>Text and numbers as they are, lists as arrays, and any other view as an object of its own.</summary>
    private static object? Convert(object? value) => value switch
    {
        null or string => value,
        _ when value.GetType().IsValueType => value,
        IEnumerable items => new ScriptArray(items.Cast<object?>().Select(Convert)),
        _ => From(value),
    };

    private static (string, PropertyInfo)[] PropertiesOf(System.Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            .Select(property => (StandardMemberRenamer.Default(property), property))
            .ToArray();
}
