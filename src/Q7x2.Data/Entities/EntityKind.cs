namespace Q7x2.Data.Entities;

public static class EntityKind
{
    public const string Person = "person";
    public const string Country = "country";
    public const string Place = "place";
    public const string Organization = "organization";
    public const string Event = "event";
    public const string Agreement = "agreement";
    public const string BorderCrossing = "border-crossing";

    public static readonly IReadOnlyList<string> All =
        [Person, Country, Place, Organization, Event, Agreement, BorderCrossing];
}
