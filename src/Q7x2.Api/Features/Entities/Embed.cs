using System.ComponentModel;
using FluentValidation;

namespace Q7x2.Api.Features.Entities;

/// <summary>What an entity's detail embeds besides the entity's own fields.</summary>
[Flags]
internal enum Embed
{
    None = 0,

    /// <summary>The facts in which it is subject or object (each with its evidence), their count, and the link to the rest.</summary>
    Facts = 1,

    /// <summary>The quotes that support the entity itself.</summary>
    Evidence = 2,

    /// <summary>The records that point at it, grouped.</summary>
    Backlinks = 4,

    /// <summary>What a reader needs: everything.</summary>
    Default = Facts | Evidence | Backlinks,
}

/// <summary>Query parameters of an entity's detail.</summary>
public sealed record EntityDetailQuery
{
    public const string EmbedDescription =
        "What to embed besides the entity's own fields, comma-separated: `facts` (with their evidence, `factCount` and `moreFacts`), "
        + "`evidence` (the quotes for the entity itself), `backlinks` (the records that point at it), or `none` for the entity alone. "
        + "Default: `facts,evidence,backlinks`. Left-out members are absent from the response. Curators: send the ETag of `embed=evidence` "
        + "(the record and its own quotes: all a write replaces) in `If-Match`: it changes only when the record itself does (or an entity it "
        + "names is renamed), never because another record now points at it; the default representation's current ETag is accepted too.";

    /// <summary>What to embed: facts, evidence, backlinks (comma-separated), or none. Default: all three.</summary>
    [Description(EmbedDescription)]
    public string? Embed { get; init; }

    internal Embed Parts => Parse(Embed) ?? Entities.Embed.Default;

    /// <summary>What <paramref name="value"/> asks for (<paramref name="absent"/> when not given), or null when it is not a valid list.</summary>
    internal static Embed? Parse(string? value, Embed absent = Entities.Embed.Default)
    {
        if (value is null)
        {
            return absent;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts is ["none"])
        {
            return Entities.Embed.None;
        }

        var embed = Entities.Embed.None;
        foreach (var part in parts)
        {
            Embed? one = part switch
            {
                "facts" => Entities.Embed.Facts,
                "evidence" => Entities.Embed.Evidence,
                "backlinks" => Entities.Embed.Backlinks,
                _ => null,
            };
            if (one is null)
            {
                return null;
            }

            embed |= one.Value;
        }

        return embed;
    }
}

/// <summary>Query parameters of a list of entities: it embeds nothing unless asked.</summary>
public interface IEntityListQuery : Infrastructure.ICsvListQuery
{
    public const string EmbedDescription =
        "What each item embeds besides the entity's own fields, comma-separated: `evidence` (the quotes for the entity itself), "
        + "`backlinks` (the records that point at it, as on its detail), or `none` (the default). Facts are embedded on details only "
        + "(`/v1/facts?entity={id}` lists them).";

    /// <summary>What each item embeds: evidence, backlinks (comma-separated), or none (the default).</summary>
    string? Embed { get; }

    internal Embed ListParts => EntityDetailQuery.Parse(Embed, Entities.Embed.None) ?? Entities.Embed.None;
}

internal static class EmbedRules
{
    /// <summary>A list's <c>embed</c>: evidence and backlinks, or none; facts are a detail's.</summary>
    public static IRuleBuilderOptions<T, string?> ListEmbed<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(e => EntityDetailQuery.Parse(e, Embed.None) is { } parts && !parts.HasFlag(Embed.Facts))
            .WithMessage((_, e) => EntityDetailQuery.Parse(e, Embed.None) is { } parts && parts.HasFlag(Embed.Facts)
                ? "A list does not embed facts: read them at /v1/facts?entity={id}, or on the entity's detail."
                : $"'{e}' is not what a list embeds: give `evidence` and `backlinks` comma-separated, or `none`.");
}

internal sealed class EntityDetailQueryValidator : AbstractValidator<EntityDetailQuery>
{
    public EntityDetailQueryValidator() =>
        RuleFor(q => q.Embed).Must(e => EntityDetailQuery.Parse(e) is not null)
            .WithMessage(q => $"'{q.Embed}' is not what a detail embeds: give `facts`, `evidence` and `backlinks` comma-separated, or `none`.");
}
