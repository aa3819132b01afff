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

        if (!WellFormed(path, file, property, errors))
        {
            return false;
        }

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
            // From the file a buffer at a time: the file (238 MB of facts for 10,000 sources) is never in memory whole.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            JsonSerializer.Deserialize(stream, Streaming(records));
        }
        catch (JsonException e)
        {
            // The path from the list on ("$[3].date"), as the reasons read it, and from the file's root in the error.
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var list = document.RootElement.GetProperty(property);
            var inList = e.Path is { } at && at.StartsWith($"$.{property}", StringComparison.Ordinal) ? $"${at[(property.Length + 2)..]}" : null;
            var relative = new JsonException(e.Message, inList, e.LineNumber, e.BytePositionInLine);
            errors.Add(new SeedError(file, inList is null ? "$" : $"$.{property}{inList.TrimStart('$')}",
                JsonReasons.For(relative, Json.GetTypeInfo(typeof(List<T>)), list)));
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads a file's root object (its one property, checked by <see cref="WellFormed"/>) with the list of records into
    /// <paramref name="records"/>, which takes each one as it is read.
    /// </summary>
    private static JsonTypeInfo<Dictionary<string, Streamed<T>>> Streaming<T>(Streamed<T> records)
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
        return (JsonTypeInfo<Dictionary<string, Streamed<T>>>)options.GetTypeInfo(typeof(Dictionary<string, Streamed<T>>));
    }

    /// <summary>
    /// A list that holds nothing: the serializer adds each record as it reads it, and it is handed on. Its count is the number
    /// of records added, which is what the serializer's error path reads (through the non-generic interface) as the index of
    /// the record it is in.
    /// </summary>
    private sealed class Streamed<T>(Action<T?> add) : ICollection<T?>, System.Collections.ICollection
    {
        public int Count { get; private set; }

        public bool IsReadOnly => false;

        public void Add(T? item)
        {
            add(item);
            Count++;
        }

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

        bool System.Collections.ICollection.IsSynchronized => false;

        object System.Collections.ICollection.SyncRoot => this;

        void System.Collections.ICollection.CopyTo(Array array, int index)
        {
        }
    }

    /// <summary>
    /// Whether the whole file is JSON and an object with the single property <paramref name="property"/>, not null; otherwise
    /// reports where it is not. One forward pass over the file, a buffer at a time, before any record is read, so that a
    /// broken file reports only that.
    /// </summary>
    private static bool WellFormed(string path, string file, string property, List<SeedError> errors)
    {
        var (names, only, first, valueIsNull, afterName) = (0, true, (JsonTokenType?)null, false, false);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[64 * 1024];
        var (filled, state) = (0, default(JsonReaderState));
        try
        {
            while (true)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), isFinalBlock: read == 0, state);
                while (reader.Read())
                {
                    first ??= reader.TokenType;
                    if (afterName)
                    {
                        valueIsNull |= reader.TokenType == JsonTokenType.Null;
                        afterName = false;
                    }

                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    {
                        names++;
                        only &= reader.ValueTextEquals(property);
                        afterName = true;
                    }
                }

                if (read == 0)
                {
                    break;
                }

                // Keep what the reader has not taken (a token cut by the buffer's end); a token longer than the buffer grows it.
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
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

        if (first != JsonTokenType.StartObject || names != 1 || !only)
        {
            errors.Add(new SeedError(file, "$", $"the file must be an object with the single property '{property}'"));
            return false;
        }

        if (valueIsNull)
        {
            errors.Add(new SeedError(file, $"$.{property}", "must be an array, not null"));
            return false;
        }

        return true;
    }
}
