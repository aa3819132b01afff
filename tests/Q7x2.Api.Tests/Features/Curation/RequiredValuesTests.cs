using System.Collections;
using Q7x2.Api.Features.Agreements;
using Q7x2.Api.Features.BorderCrossings;
using Q7x2.Api.Features.Countries;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Features.Events;
using Q7x2.Api.Features.Facts;
using Q7x2.Api.Features.Observations;
using Q7x2.Api.Features.Organizations;
using Q7x2.Api.Features.People;
using Q7x2.Api.Features.Places;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>
/// Each input type declares the value-typed members a body must send; here the declarations are checked against the types'
/// constructors, so that a new value member without its declaration fails a test instead of silently defaulting.
/// </summary>
public sealed class RequiredValuesTests
{
    public static TheoryData<string, string[], string[]> Declarations()
    {
        var data = new TheoryData<string, string[], string[]>();
        Add<PersonInput, SeedPerson>(data);
        Add<CountryInput, SeedCountry>(data);
        Add<PlaceInput, SeedPlace>(data);
        Add<OrganizationInput, SeedOrganization>(data);
        Add<BorderCrossingInput, SeedBorderCrossing>(data);
        Add<EventInput, SeedEvent>(data);
        Add<FactInput, SeedFact>(data);
        Add<AgreementInput, SeedAgreement>(data);
        Add<ObservationInput, SeedObservation>(data);
        data.Add(nameof(SourceInput), [.. Paths(new SourceStore().Required, "")], [.. Expected(typeof(SourceInput), "")]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void EveryInputDeclaresExactlyTheValueMembersItsConstructorRequires(string input, string[] declared, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(input));
        Assert.Equal(expected.Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ObservationsRequireTheirValueAndTheBoundsOfTheirPeriod()
    {
        var paths = Paths(new ObservationStore().Required, "").ToList();

        Assert.Equal(["period.from", "period.to", "value"], paths.Order(StringComparer.Ordinal));
    }

    private static void Add<TInput, TSeed>(TheoryData<string, string[], string[]> data)
        where TInput : ICuratedInput<TInput, TSeed> =>
        data.Add(typeof(TInput).Name, [.. Paths(TInput.Required, "")], [.. Expected(typeof(TInput), "")]);

    private static IEnumerable<string> Paths(RequiredValues required, string prefix) =>
        required.Members.Select(m => prefix + m).Concat(required.Nested.SelectMany(n => Paths(n.Value, $"{prefix}{n.Key}.")));

    /// <summary>What the body reader once found by reflection per request: non-nullable value parameters without a default,
    /// and the same inside object-typed parameters.</summary>
    private static IEnumerable<string> Expected(Type shape, string prefix)
    {
        var constructor = shape.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        foreach (var parameter in constructor.GetParameters())
        {
            var name = char.ToLowerInvariant(parameter.Name![0]) + parameter.Name[1..];
            var type = parameter.ParameterType;
            if (type.IsValueType && !parameter.HasDefaultValue && Nullable.GetUnderlyingType(type) is null)
            {
                yield return prefix + name;
            }
            else if (!type.IsValueType && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type))
            {
                foreach (var nested in Expected(type, $"{prefix}{name}."))
                {
                    yield return nested;
                }
            }
        }
    }
}
