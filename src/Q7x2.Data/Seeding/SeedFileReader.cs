using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>Reads each seed file strictly (unknown or missing properties are errors) and checks its shape.</summary>
internal static class SeedFileReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Reads every file. <paramref name="unreadable"/> is set when a file could not be read at all,
    /// so that its records' absence is not reported again as dangling references.</summary>
    public static SeedFiles Read(string root, List<SeedError> errors, out bool unreadable)
    {
        var failed = false;
        var files = ReadAll(root, errors, ref failed);
        unreadable = failed;
        return files;
    }

    private static SeedFiles ReadAll(string root, List<SeedError> errors, ref bool unreadable) => new(
        root,
        ReadFile(root, SeedFiles.SourcesFile, "sources", new SeedSourceValidator(), errors, ref unreadable),
        ReadFile(root, SeedFiles.PredicatesFile, "predicates", new SeedPredicateValidator(), errors, ref unreadable),
        ReadFile(root, "people.json", "people", new SeedPersonValidator(), errors, ref unreadable),
        ReadFile(root, "countries.json", "countries", new SeedCountryValidator(), errors, ref unreadable),
        ReadFile(root, "places.json", "places", new SeedPlaceValidator(), errors, ref unreadable),
        ReadFile(root, "organizations.json", "organizations", new SeedOrganizationValidator(), errors, ref unreadable),
        ReadFile(root, "events.json", "events", new SeedEventValidator(), errors, ref unreadable),
        ReadFile(root, "agreements.json", "agreements", new SeedAgreementValidator(), errors, ref unreadable),
        ReadFile(root, "border-crossings.json", "borderCrossings", new SeedBorderCrossingValidator(), errors, ref unreadable),
        ReadFile(root, SeedFiles.FactsFile, "facts", new SeedFactValidator(), errors, ref unreadable),
        ReadFile(root, SeedFiles.ObservationsFile, "observations", new SeedObservationValidator(), errors, ref unreadable),
        ReadFile(root, SeedFiles.NotFactsFile, "notFacts", new SeedNotFactValidator(), errors, ref unreadable));

    private static List<T> ReadFile<T>(
        string root, string file, string property, IValidator<T> validator, List<SeedError> errors, ref bool unreadable)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            errors.Add(new SeedError(file, "$", $"file not found in {Path.GetFullPath(root)}"));
            unreadable = true;
            return [];
        }

        List<T>? items;
        using var document = Parse(path, file, errors);
        if (document is null)
        {
            unreadable = true;
            return [];
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object
            || document.RootElement.EnumerateObject().Select(p => p.Name).ToList() is not [var only]
            || only != property)
        {
            errors.Add(new SeedError(file, "$", $"the file must be an object with the single property '{property}'"));
            unreadable = true;
            return [];
        }

        var list = document.RootElement.GetProperty(property);
        try
        {
            items = list.Deserialize<List<T>>(Json);
        }
        catch (JsonException e)
        {
            var at = e.Path is null ? "$" : $"$.{property}{e.Path.TrimStart('$')}";
            errors.Add(new SeedError(file, at, JsonReasons.For(e, Json.GetTypeInfo(typeof(List<T>)), list)));
            unreadable = true;
            return [];
        }

        if (items is null)
        {
            errors.Add(new SeedError(file, $"$.{property}", "must be an array, not null"));
            unreadable = true;
            return [];
        }

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var failure in validator.Validate(items[i]).Errors)
            {
                errors.Add(new SeedError(file, $"$.{property}[{i}].{JsonNames.CamelPath(failure.PropertyName)}", failure.ErrorMessage));
            }
        }

        return items;
    }

    /// <summary>The file as a JSON document, or null after reporting where it is not well-formed JSON.</summary>
    private static JsonDocument? Parse(string path, string file, List<SeedError> errors)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            errors.Add(new SeedError(file, "$", e.LineNumber is { } line
                ? $"is not valid JSON (line {line + 1}, byte {e.BytePositionInLine + 1})"
                : "is not valid JSON"));
            return null;
        }
    }
}
