using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Reads a seed file strictly (unknown or missing properties are errors) and checks each record's shape. The records of a
/// file are read one at a time, in file order: a file of a million facts is never a list of a million records.
/// </summary>
internal static class SeedFileReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Every record of a file, in a list (for the small files).</summary>
    public static List<T> ReadList<T>(
        string root, string file, string property, IValidator<T> validator, List<SeedError> errors, ref bool unreadable,
        Func<T, bool>? quickCheck = null)
    {
        var items = new List<T>();
        if (!Read(root, file, property, validator, errors, (item, _) => items.Add(item), quickCheck))
        {
            unreadable = true;
            return [];
        }

        return items;
    }

    /// <summary>
    /// Hands each record of the file, with its index, to <paramref name="each"/> once its shape is checked (shape errors
    /// are reported and the record is still handed on). Returns false when the file could not be read as a list of records:
    /// then the reason is reported and the records after the failure are not read. <paramref name="quickCheck"/>, when
    /// given, says true only of records the validator would pass: those skip the validator (it takes most of the time).
    /// </summary>
    public static bool Read<T>(
        string root, string file, string property, IValidator<T> validator, List<SeedError> errors, Action<T, int> each,
        Func<T, bool>? quickCheck = null)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            errors.Add(new SeedError(file, "$", $"file not found in {Path.GetFullPath(root)}"));
            return false;
        }

        var bytes = File.ReadAllBytes(path);
        if (!WellFormed(bytes, file, property, errors))
        {
            return false;
        }

        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Read();
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            errors.Add(new SeedError(file, $"$.{property}", "must be an array, not null"));
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var value = bytes.AsSpan(start, (int)reader.BytesConsumed - start);

        // One deserialisation of the whole list, as for a List<T>, but each record is handed on as it is read, not kept.
        var index = 0;
        var records = new Streamed<T>(item =>
        {
            if (item is null)
            {
                errors.Add(new SeedError(file, $"$.{property}[{index}]", "must not be null"));
            }
            else
            {
                if (quickCheck?.Invoke(item) != true)
                {
                    foreach (var failure in validator.Validate(item).Errors)
                    {
                        errors.Add(new SeedError(file, $"$.{property}[{index}].{JsonNames.CamelPath(failure.PropertyName)}", failure.ErrorMessage));
                    }
                }

                each(item, index);
            }

            index++;
        });
        try
        {
            JsonSerializer.Deserialize(value, Streaming(records));
        }
        catch (JsonException e)
        {
            using var document = JsonDocument.Parse(bytes);
            var list = document.RootElement.GetProperty(property);
            var at = e.Path is null ? "$" : $"$.{property}{e.Path.TrimStart('$')}";
            errors.Add(new SeedError(file, at, JsonReasons.For(e, Json.GetTypeInfo(typeof(List<T>)), list)));
            return false;
        }

        return true;
    }

    /// <summary>Reads a list of records into <paramref name="records"/>, which takes each one as it is read.</summary>
    private static JsonTypeInfo<Streamed<T>> Streaming<T>(Streamed<T> records)
    {
        var options = new JsonSerializerOptions(Json)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    info =>
                    {
                        if (info.Type == typeof(Streamed<T>))
                        {
                            info.CreateObject = () => records;
                        }
                    },
                },
            },
        };
        return (JsonTypeInfo<Streamed<T>>)options.GetTypeInfo(typeof(Streamed<T>));
    }

    /// <summary>A list that holds nothing: the serializer adds each record as it reads it, and it is handed on.</summary>
    private sealed class Streamed<T>(Action<T?> add) : ICollection<T?>
    {
        public int Count => 0;

        public bool IsReadOnly => false;

        public void Add(T? item) => add(item);

        public void Clear()
        {
        }

        public bool Contains(T? item) => false;

        public void CopyTo(T?[] array, int arrayIndex)
        {
        }

        public bool Remove(T? item) => false;

        public IEnumerator<T?> GetEnumerator() => Enumerable.Empty<T?>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Whether the whole file is JSON and an object with the single property <paramref name="property"/>; otherwise reports
    /// where it is not. One forward pass, before any record is read, so that a broken file reports only that.
    /// </summary>
    private static bool WellFormed(byte[] bytes, string file, string property, List<SeedError> errors)
    {
        var reader = new Utf8JsonReader(bytes);
        var (names, only) = (0, true);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    names++;
                    only &= reader.ValueTextEquals(property);
                }
            }
        }
        catch (JsonException e)
        {
            errors.Add(new SeedError(file, "$", e.LineNumber is { } line
                ? $"is not valid JSON (line {line + 1}, byte {e.BytePositionInLine + 1})"
                : "is not valid JSON"));
            return false;
        }

        reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || names != 1 || !only)
        {
            errors.Add(new SeedError(file, "$", $"the file must be an object with the single property '{property}'"));
            return false;
        }

        return true;
    }

}
