using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Q7x2.Data.Text;

/// <summary>
/// Why System.Text.Json refused a value, in our own words: built from the exception's typed position (path, line, byte),
/// the contract of the type being read and the JSON found there, never from the exception's message.
/// </summary>
public static class JsonReasons
{
    /// <summary>
    /// A reason such as "is not a number" for the value at <see cref="JsonException.Path"/> (relative to <paramref name="root"/>),
    /// read as <paramref name="shape"/> describes it.
    /// </summary>
    public static string For(JsonException e, JsonTypeInfo shape, JsonElement root)
    {
        if (e.Path is null)
        {
            return e.LineNumber is { } line
                ? $"is not valid JSON (line {line + 1}, byte {e.BytePositionInLine + 1})"
                : "is not valid JSON here";
        }

        JsonElement? value = root;
        foreach (var segment in Segments(e.Path))
        {
            if (segment.Index is { } index)
            {
                if (shape.ElementType is not { } element)
                {
                    return "is not a valid value here";
                }

                shape = shape.Options.GetTypeInfo(element);
                value = value is { ValueKind: JsonValueKind.Array } list && index >= 0 && index < list.GetArrayLength() ? list[index] : null;
            }
            else
            {
                var member = shape.Kind == JsonTypeInfoKind.Object
                    ? shape.Properties.FirstOrDefault(p => string.Equals(p.Name, segment.Name, StringComparison.Ordinal))
                    : null;
                if (member is null)
                {
                    return $"'{segment.Name}' is not a member here";
                }

                shape = shape.Options.GetTypeInfo(member.PropertyType);
                value = value is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty(segment.Name!, out var found) ? found : null;
            }
        }

        if (value is { ValueKind: JsonValueKind.Null })
        {
            return "must not be null";
        }

        if (shape.Kind == JsonTypeInfoKind.Object && value is { ValueKind: JsonValueKind.Object } body)
        {
            var missing = shape.Properties
                .Where(p => p.AssociatedParameter is { HasDefaultValue: false } && !body.TryGetProperty(p.Name, out _))
                .Select(p => $"'{p.Name}'")
                .ToList();
            if (missing.Count > 0)
            {
                return $"lacks required members: {string.Join(", ", missing)}";
            }
        }

        return $"is not {Expected(shape)}";
    }

    private static string Expected(JsonTypeInfo shape)
    {
        var type = Nullable.GetUnderlyingType(shape.Type) ?? shape.Type;
        return shape.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ when type == typeof(DateOnly) => "a valid ISO 8601 date (yyyy-MM-dd)",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number in range",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number in range",
            _ => $"a valid {type.Name}",
        };
    }

    /// <summary>The members and indexes of a System.Text.Json path: <c>$.evidence[0].exact</c>, <c>$[3]['odd name']</c>.</summary>
    private static List<(string? Name, int? Index)> Segments(string path)
    {
        var segments = new List<(string?, int?)>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 1)..end], null));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 2)..end], null));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add((null, int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index) ? index : -1));
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }
}
