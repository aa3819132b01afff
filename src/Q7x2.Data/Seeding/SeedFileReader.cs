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

    public static SeedFiles Read(string root, List<SeedError> errors) => new(
        root,
        ReadFile(root, SeedFiles.SourcesFile, "sources", new SeedSourceValidator(), errors),
        ReadFile(root, SeedFiles.PredicatesFile, "predicates", new SeedPredicateValidator(), errors),
        ReadFile(root, "people.json", "people", new SeedPersonValidator(), errors),
        ReadFile(root, "countries.json", "countries", new SeedCountryValidator(), errors),
        ReadFile(root, "places.json", "places", new SeedPlaceValidator(), errors),
        ReadFile(root, "organizations.json", "organizations", new SeedOrganizationValidator(), errors),
        ReadFile(root, "events.json", "events", new SeedEventValidator(), errors),
        ReadFile(root, "agreements.json", "agreements", new SeedAgreementValidator(), errors),
        ReadFile(root, "border-crossings.json", "borderCrossings", new SeedBorderCrossingValidator(), errors),
        ReadFile(root, SeedFiles.FactsFile, "facts", new SeedFactValidator(), errors),
        ReadFile(root, SeedFiles.ObservationsFile, "observations", new SeedObservationValidator(), errors),
        ReadFile(root, SeedFiles.NotFactsFile, "notFacts", new SeedNotFactValidator(), errors));

    private static List<T> ReadFile<T>(string root, string file, string property, IValidator<T> validator, List<SeedError> errors)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            errors.Add(new SeedError(file, "$", $"file not found in {Path.GetFullPath(root)}"));
            return [];
        }

        List<T>? items;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || document.RootElement.EnumerateObject().Select(p => p.Name).ToList() is not [var only]
                || only != property)
            {
                errors.Add(new SeedError(file, "$", $"the file must be an object with the single property '{property}'"));
                return [];
            }

            items = document.RootElement.GetProperty(property).Deserialize<List<T>>(Json);
        }
        catch (JsonException e)
        {
            var at = e.Path is null ? "$" : $"$.{property}{e.Path.TrimStart('$')}";
            errors.Add(new SeedError(file, at, e.Message.Split(" Path:")[0]));
            return [];
        }

        if (items is null)
        {
            errors.Add(new SeedError(file, $"$.{property}", "must be an array, not null"));
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
}
