using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Q7x2.Data.Entities;
using Q7x2.Data.Generation;

namespace Q7x2.Data.Seeding;

/// <summary>
/// The whole dataset as NDJSON, one record per line in its curated seed shape, and back into a seed folder. Lines come in a
/// fixed order: sources (each with its full text and its coverage notes), predicates, the entities of each kind, facts, observations, claim qualifiers,
/// claims, each type by id
/// (ordinal). The last line is <c>{"type":"end","records":N,"sha256":"…"}</c>: the number of records and the SHA-256 of every
/// byte before it, so that a truncated or altered dump is refused whole. The same data gives the same bytes: nothing in the
/// dump depends on when or where it was made (the dataset version travels in a header, not in the body).
/// </summary>
public static partial class SeedDump
{
    public const string MediaType = "application/x-ndjson";

    /// <summary>How many records are read from the database at a time.</summary>
    private const int Batch = 500;

    /// <summary>The record types in dump order, each with its seed file and the seed shape its lines hold.</summary>
    private static readonly (string Type, string File, string Root, Type Shape)[] Types =
    [
        ("source", SeedFiles.SourcesFile, "sources", typeof(SeedSource)),
        ("predicate", SeedFiles.PredicatesFile, "predicates", typeof(SeedPredicate)),
        .. EntityKind.All.Select(kind => (kind, SeedFiles.EntityFiles[kind].File, SeedFiles.EntityFiles[kind].Root, ShapeOf(kind))),
        ("fact", SeedFiles.FactsFile, "facts", typeof(SeedFact)),
        ("observation", SeedFiles.ObservationsFile, "observations", typeof(SeedObservation)),
        ("claim-qualifier", SeedFiles.QualifiersFile, "qualifiers", typeof(SeedClaimQualifier)),
        ("claim", SeedFiles.ClaimsFile, "claims", typeof(SeedClaim)),
    ];

    /// <summary>Writes the dump of what <paramref name="db"/> holds (in the caller's transaction, for one snapshot); returns the number of records.</summary>
    public static async Task<int> WriteAsync(Q7x2Db db, Stream output, CancellationToken ct)
    {
        using var writer = new DumpWriter(output);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = (await db.CoverageNotes.AsNoTracking().OrderBy(n => n.SourceId).ThenBy(n => n.Position).ToListAsync(ct)).ToLookup(n => n.SourceId);
        await foreach (var s in db.Sources.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            texts[s.Id] = s.Text;
            // A source whose text may not be redistributed is dumped without it (such a dump cannot be imported: its quotes go unchecked).
            await writer.LineAsync("source", new SeedSource(s.Id, s.Title, s.Publisher, s.Language, SeedShapes.ToSeed(s.Published), FileOf(s.Id),
                s.License, s.RightsHolder, s.Url, s.TextRedistributable), s.TextRedistributable ? s.Text : null, ct,
                [.. notes[s.Id].Select(n => SeedShapes.ToSeed(n, s.Text))]);
        }

        await foreach (var p in db.Predicates.AsNoTracking().OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.LineAsync("predicate", new SeedPredicate(p.Id, p.Label, p.InverseLabel, p.Description), null, ct);
        }

        string? TextOf(string id) => texts.GetValueOrDefault(id);
        foreach (var kind in EntityKind.All)
        {
            await BatchesAsync(after => db.Entities.AsNoTracking().Where(e => e.Kind == kind && string.Compare(e.Id, after) > 0).OrderBy(e => e.Id).Take(Batch)
                .Include(e => e.Aliases).Include(e => e.Links).Include(e => e.Evidence).AsSplitQuery(), e => e.Id,
                e => writer.LineAsync(kind, SeedShapes.ToSeed(e, TextOf), null, ct), ct);
        }

        await BatchesAsync(after => db.Facts.AsNoTracking().Where(f => string.Compare(f.Id, after) > 0).OrderBy(f => f.Id).Take(Batch)
            .Include(f => f.Evidence).AsSplitQuery(), f => f.Id, f => writer.LineAsync("fact", SeedShapes.ToSeed(f, TextOf), null, ct), ct);
        await BatchesAsync(after => db.Observations.AsNoTracking().Where(o => string.Compare(o.Id, after) > 0).OrderBy(o => o.Id).Take(Batch)
            .Include(o => o.Subjects).Include(o => o.Evidence).AsSplitQuery(), o => o.Id,
            o => writer.LineAsync("observation", SeedShapes.ToSeed(o, TextOf), null, ct), ct);
        await foreach (var q in db.ClaimQualifiers.AsNoTracking().OrderBy(q => q.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.LineAsync("claim-qualifier", SeedShapes.ToSeed(q), null, ct);
        }

        await BatchesAsync(after => db.Claims.AsNoTracking().Where(c => string.Compare(c.Id, after) > 0).OrderBy(c => c.Id).Take(Batch)
            .Include(c => c.Operands).Include(c => c.Subjects).AsSplitQuery(), c => c.Id,
            c => writer.LineAsync("claim", SeedShapes.ToSeed(c, TextOf), null, ct), ct);
        return await writer.EndAsync(ct);
    }

    /// <summary>
    /// Writes the records of a dump as a seed folder (which the seeder then checks and loads like any other), after checking
    /// the dump's last line: its count and SHA-256 must match what precedes it, every line must be a known type in dump order,
    /// and no id may repeat. Throws <see cref="SeedValidationException"/> naming the first problem; nothing is written then.
    /// </summary>
    /// <returns>For each seed file written, the dump's line number (1-based) of its first record, for <see cref="InDumpTerms"/>.</returns>
    public static IReadOnlyDictionary<string, int> ToSeedFolder(string dumpPath, string folder)
    {
        var (count, problem) = Check(dumpPath);
        if (problem is not null)
        {
            throw new SeedValidationException([new SeedError(Path.GetFileName(dumpPath), "$", problem)]);
        }

        Directory.CreateDirectory(Path.Combine(folder, "sources"));
        var files = Types.ToDictionary(t => t.Type, t => new JsonArrayFile(Path.Combine(folder, t.File), t.Root));
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var coverage = new List<SeedCoverageNote>();
        try
        {
            var number = 0;
            foreach (var line in File.ReadLines(dumpPath, Encoding.UTF8).Take(count))
            {
                number++;
                var node = JsonNode.Parse(line)!.AsObject();
                var type = (string)node["type"]!;
                var record = node["record"]!.Deserialize(Types.Single(t => t.Type == type).Shape, JsonArrayFile.Options)!;
                if (record is SeedSource source)
                {
                    // The text goes where the id says (a slug, checked above), whatever the line's file says.
                    record = source with { File = FileOf(source.Id) };
                    File.WriteAllText(Path.Combine(folder, FileOf(source.Id)), (string?)node["text"] ?? "", new UTF8Encoding(false));
                    coverage.AddRange(node["coverage"]?.Deserialize<List<SeedCoverageNote>>(JsonArrayFile.Options) ?? []);
                }

                firstLines.TryAdd(Types.Single(t => t.Type == type).File, number);
                files[type].Write(record);
            }
        }
        finally
        {
            foreach (var file in files.Values)
            {
                file.Dispose();
            }
        }

        File.WriteAllText(Path.Combine(folder, SeedFiles.NotFactsFile), "{\"notFacts\": []}\n");
        using (var notesFile = new JsonArrayFile(Path.Combine(folder, SeedFiles.CoverageFile), "notes"))
        {
            coverage.ForEach(notesFile.Write);
        }

        return firstLines;
    }

    /// <summary>
    /// The seeder's errors about the folder <see cref="ToSeedFolder"/> wrote, as places in the dump: <c>facts.json: $.facts[59].evidence[0]</c>
    /// becomes <c>dump.ndjson: line 120: $.record.evidence[0]</c>.
    /// </summary>
    public static SeedValidationException InDumpTerms(SeedValidationException e, IReadOnlyDictionary<string, int> firstLines, string dumpName) =>
        new([.. e.Errors.Select(error => firstLines.TryGetValue(error.File, out var first) && RecordPath().Match(error.Path) is { Success: true } match
            ? new SeedError(dumpName, $"line {first + int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)}: $.record{match.Groups["rest"].Value}", error.Reason)
            : error with { File = $"{dumpName} ({error.File})" })]);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$\.[A-Za-z]+\[(?<index>[0-9]+)\](?<rest>.*)$")]
    private static partial System.Text.RegularExpressions.Regex RecordPath();

    /// <summary>The number of records, or the first reason the dump cannot be read whole.</summary>
    private static (int Count, string? Problem) Check(string dumpPath)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var (count, order) = (0, 0);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(dumpPath, Encoding.UTF8))
        {
            JsonObject node;
            try
            {
                node = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object");
            }
            catch (JsonException e)
            {
                return (0, $"line {count + 1} is not a JSON object ({e.Message}).");
            }

            var type = node["type"]?.GetValueKind() == JsonValueKind.String ? (string)node["type"]! : null;
            if (type == "end")
            {
                var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                return node["records"] is not JsonValue records || !records.TryGetValue<int>(out var stated) || stated != count
                    ? (0, $"the dump ends after {count} records, but its last line says {node["records"]?.ToJsonString() ?? "nothing"}: it is incomplete or altered.")
                    : (string?)node["sha256"] != hash
                        ? (0, $"the SHA-256 of the records is {hash}, not the {node["sha256"]?.ToJsonString()} its last line says: the dump is altered.")
                        : (count, null);
            }

            var next = Array.FindIndex(Types, order, t => t.Type == type);
            if (next < 0)
            {
                return (0, $"line {count + 1} has type {node["type"]?.ToJsonString() ?? "null"}, which is not a record type, or comes after the types it should precede.");
            }

            order = next;
            if (type == "source" && node["text"]?.GetValueKind() != JsonValueKind.String)
            {
                return (0, $"line {count + 1} is a source without its text (its publisher's terms keep it from being redistributed): "
                    + "a dump cannot be imported without every source's text, which its quotes are checked against.");
            }

            if (node["record"]?["id"]?.GetValueKind() != JsonValueKind.String || (string)node["record"]!["id"]! is not { } id
                || !Slug().IsMatch(id) || !ids.Add(id))
            {
                return (0, $"line {count + 1} has no id, an id that is not a slug, or an id an earlier line has.");
            }

            sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            count++;
        }

        return (0, $"the dump has no last line with its count and SHA-256 after its {count} records: it is incomplete.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Slug();

    private static string FileOf(string sourceId) => $"sources/{sourceId}.txt";

    private static Type ShapeOf(string kind) => kind switch
    {
        EntityKind.Person => typeof(SeedPerson),
        EntityKind.Country => typeof(SeedCountry),
        EntityKind.Place => typeof(SeedPlace),
        EntityKind.Organization => typeof(SeedOrganization),
        EntityKind.Event => typeof(SeedEvent),
        EntityKind.Agreement => typeof(SeedAgreement),
        EntityKind.BorderCrossing => typeof(SeedBorderCrossing),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown entity kind"),
    };

    /// <summary>Reads a table in id order, a batch at a time, each batch after the last id of the one before.</summary>
    private static async Task BatchesAsync<T>(Func<string, IQueryable<T>> after, Func<T, string> idOf, Func<T, Task> write, CancellationToken ct)
    {
        for (var last = ""; ;)
        {
            var rows = await after(last).ToListAsync(ct);
            foreach (var row in rows)
            {
                await write(row);
            }

            if (rows.Count < Batch)
            {
                return;
            }

            last = idOf(rows[^1]);
        }
    }

    /// <summary>Lines into the output, each also into the running SHA-256; the end line last.</summary>
    private sealed class DumpWriter(Stream output) : IDisposable
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
        private int _count;

        public async Task LineAsync(string type, object record, string? text, CancellationToken ct, IReadOnlyList<SeedCoverageNote>? coverage = null)
        {
            using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JsonArrayFile.Options.Encoder }))
            {
                json.WriteStartObject();
                json.WriteString("type", type);
                json.WritePropertyName("record");
                JsonSerializer.Serialize(json, record, record.GetType(), JsonArrayFile.Options);
                if (text is not null)
                {
                    json.WriteString("text", text);
                }

                if (coverage is { Count: > 0 })
                {
                    json.WritePropertyName("coverage");
                    JsonSerializer.Serialize(json, coverage, JsonArrayFile.Options);
                }

                json.WriteEndObject();
            }

            _buffer.Write("\n"u8);
            _count++;
            if (_buffer.WrittenCount >= 1 << 15)
            {
                await FlushAsync(ct);
            }
        }

        public async Task<int> EndAsync(CancellationToken ct)
        {
            await FlushAsync(ct);
            var end = $"{{\"type\":\"end\",\"records\":{_count},\"sha256\":\"{Convert.ToHexStringLower(_sha.GetHashAndReset())}\"}}\n";
            await output.WriteAsync(Encoding.UTF8.GetBytes(end), ct);
            return _count;
        }

        public void Dispose() => _sha.Dispose();

        private async Task FlushAsync(CancellationToken ct)
        {
            _sha.AppendData(_buffer.WrittenSpan);
            await output.WriteAsync(_buffer.WrittenMemory, ct);
            _buffer.ResetWrittenCount();
        }
    }
}
