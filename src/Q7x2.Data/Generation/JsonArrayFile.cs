using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

/// <summary>
/// A seed file written one record at a time (<c>{"facts": [</c>, a record per line, <c>]}</c>), so that a corpus of any size
/// is never in memory whole. Records are the seed shapes the seeder reads, in camelCase; the optional members of quotes and
/// dates are left out when they hold their default, as in the curated files.
/// </summary>
internal sealed class JsonArrayFile : IDisposable
{
    /// <summary>The curated shape's options (also the dump's, <see cref="SeedDump"/>).</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { CuratedShape } },
    };

    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonArrayFile(string path, string property)
    {
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _stream.Write(Encoding.UTF8.GetBytes($"{{\"{property}\": ["));
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = Options.Encoder });
    }

    public int Count { get; private set; }

    public void Write(object record)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, record, record.GetType(), Options);
        _writer.Flush();
        _stream.Write(Count++ == 0 ? "\n"u8 : ",\n"u8);
        _stream.Write(_buffer.WrittenSpan);
    }

    public void Dispose()
    {
        _stream.Write("\n]}\n"u8);
        _stream.Dispose();
        _writer.Dispose();
    }

    private static void CuratedShape(JsonTypeInfo info)
    {
        if (info.Type.IsSubclassOf(typeof(SeedEntity)))
        {
            // As in the curated files: id, name, aliases and description first, the kind's own members, evidence last.
            foreach (var property in info.Properties)
            {
                property.Order = property.Name switch
                {
                    "id" => -4, "name" => -3, "aliases" => -2, "description" => -1, "evidence" => 1, _ => 0,
                };
            }
        }

        if (info.Type != typeof(SeedEvidence) && info.Type != typeof(SeedFuzzyDate))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            property.ShouldSerialize = property.Name switch
            {
                "occurrence" or "qualifier" or "note" => (_, value) => value is not null,
                "basis" => (_, value) => value is not "stated",
                _ => null,
            };
        }
    }
}
