using System.Text.Json.Nodes;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// The value-typed members a write body must send (a quantity's <c>value</c>, a date's <c>from</c>/<c>to</c>), declared once by each
/// input type: bodies are read leniently, which would give a missing one a default, so they are checked against this instead.
/// </summary>
/// <param name="Members">The required value members, by JSON name.</param>
/// <param name="Nested">Object members (by JSON name) whose own shape has required value members.</param>
internal sealed record RequiredValues(IReadOnlyList<string> Members, IReadOnlyDictionary<string, RequiredValues> Nested)
{
    public static readonly RequiredValues None = new([], new Dictionary<string, RequiredValues>());

    /// <summary>An input type with only nested required values, e.g. a fact whose <c>date</c>, when sent, needs <c>from</c> and <c>to</c>.</summary>
    public static RequiredValues Within(string member, RequiredValues nested) => new([], new Dictionary<string, RequiredValues> { [member] = nested });

    /// <summary>The required value members the body leaves out or sets to null, as (path, reason).</summary>
    public IEnumerable<(string Path, string Reason)> MissingIn(JsonObject body, string prefix = "")
    {
        foreach (var name in Members.Where(name => body[name] is null))
        {
            yield return ($"{prefix}{name}", $"'{name}' is required.");
        }

        foreach (var (name, nested) in Nested)
        {
            if (body[name] is JsonObject value)
            {
                foreach (var missing in nested.MissingIn(value, $"{prefix}{name}."))
                {
                    yield return missing;
                }
            }
        }
    }
}
