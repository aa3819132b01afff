using System.Security.Cryptography;
using System.Text;
using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Reads a seed folder and checks everything — shapes, ids, references, kinds, quotes against the
/// source texts — before anything is written. Throws <see cref="SeedValidationException"/> listing
/// every error found.
/// </summary>
public static class SeedLoader
{
    public static SeedSet Load(string root)
    {
        var errors = new List<SeedError>();
        var files = SeedFileReader.Read(root, errors, out var unreadable);
        if (unreadable)
        {
            throw new SeedValidationException(errors);
        }

        var texts = ReadSourceTexts(files, errors);
        var kinds = CollectIds(files, errors);
        var predicates = files.Predicates.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        var file = "";
        var lookup = new Lookup(kinds, predicates, texts);
        var records = new SeedRecords(lookup, (path, reason) => errors.Add(new SeedError(file, path, reason)));
        var entities = new List<Entity>();
        foreach (var (seed, kind, entityFile, path) in files.Entities())
        {
            file = entityFile;
            entities.Add(records.ToEntity(seed, kind, path));
        }

        file = SeedFiles.FactsFile;
        var facts = files.Facts.Select((f, i) => records.ToFact(f, $"$.facts[{i}]")).ToList();
        file = SeedFiles.ObservationsFile;
        var observations = files.Observations.Select((o, i) => records.ToObservation(o, $"$.observations[{i}]")).ToList();

        for (var i = 0; i < files.NotFacts.Count; i++)
        {
            if (!texts.ContainsKey(files.NotFacts[i].Source))
            {
                errors.Add(new SeedError(SeedFiles.NotFactsFile, $"$.notFacts[{i}].source", $"'{files.NotFacts[i].Source}' is not in {SeedFiles.SourcesFile}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new SeedValidationException(errors);
        }

        var sources = files.Sources.Select(s => new Source
        {
            Id = s.Id, Title = s.Title, Publisher = s.Publisher, Language = s.Language, Published = SeedRecords.ToDate(s.Published),
            Text = texts[s.Id].Text, Sha256 = texts[s.Id].Sha256, CharCount = CodePoints.Count(texts[s.Id].Text),
        }).ToList();
        var vocabulary = files.Predicates.Select(p => new Predicate
        {
            Id = p.Id, Label = p.Label, InverseLabel = p.InverseLabel, Description = p.Description,
        }).ToList();
        return new SeedSet(sources, vocabulary, entities, facts, observations, files.NotFacts);
    }

    private sealed class Lookup(
        Dictionary<string, string> kinds, HashSet<string> predicates, Dictionary<string, SourceText> texts) : ISeedLookup
    {
        public string? KindOf(string id) => kinds.GetValueOrDefault(id);

        public bool HasPredicate(string id) => predicates.Contains(id);

        public string? TextOf(string sourceId) => texts.GetValueOrDefault(sourceId)?.Text;
    }

    private sealed record SourceText(string Text, string Sha256);

    private static Dictionary<string, SourceText> ReadSourceTexts(SeedFiles files, List<SeedError> errors)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        for (var i = 0; i < files.Sources.Count; i++)
        {
            var source = files.Sources[i];
            var path = Path.Combine(files.Root, source.File);
            if (!File.Exists(path))
            {
                errors.Add(new SeedError(SeedFiles.SourcesFile, $"$.sources[{i}].file", $"'{source.File}' not found"));
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new SeedError(SeedFiles.SourcesFile, $"$.sources[{i}].file", $"'{source.File}' is not valid UTF-8"));
                continue;
            }

            if (!texts.TryAdd(source.Id, new SourceText(text, Convert.ToHexStringLower(SHA256.HashData(bytes)))))
            {
                errors.Add(new SeedError(SeedFiles.SourcesFile, $"$.sources[{i}].id", $"'{source.Id}' is used twice"));
            }
        }

        return texts;
    }

    /// <summary>Entity ids with their kinds; an id used twice anywhere (entities, facts, observations, predicates) is an error.</summary>
    private static Dictionary<string, string> CollectIds(SeedFiles files, List<SeedError> errors)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);

        void Claim(string id, string file, string path)
        {
            if (!seen.TryAdd(id, $"{file} {path}"))
            {
                errors.Add(new SeedError(file, $"{path}.id", $"'{id}' is already used by {seen[id]}"));
            }
        }

        foreach (var (entity, kind, file, path) in files.Entities())
        {
            Claim(entity.Id, file, path);
            kinds.TryAdd(entity.Id, kind);
        }

        for (var i = 0; i < files.Facts.Count; i++)
        {
            Claim(files.Facts[i].Id, SeedFiles.FactsFile, $"$.facts[{i}]");
        }

        for (var i = 0; i < files.Observations.Count; i++)
        {
            Claim(files.Observations[i].Id, SeedFiles.ObservationsFile, $"$.observations[{i}]");
        }

        for (var i = 0; i < files.Predicates.Count; i++)
        {
            Claim(files.Predicates[i].Id, SeedFiles.PredicatesFile, $"$.predicates[{i}]");
        }

        return kinds;
    }
}
