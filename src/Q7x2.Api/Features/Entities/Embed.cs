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
        + "Default: `facts,evidence,backlinks`. Left-out members are absent from the response. Curators: send the ETag of `embed=none` "
        + "in `If-Match`: it changes only when the record itself does (or an entity it names is renamed), never because another record "
        + "now points at it; the default representation's current ETag is accepted too.";

    /// <summary>What to embed: facts, evidence, backlinks (comma-separated), or none. Default: all three.</summary>
    [Description(EmbedDescription)]
    public string? Embed { get; init; }

    internal Embed Parts => Parse(Embed) ?? Entities.Embed.Default;

    internal static Embed? Parse(string? value)
    {
        if (value is null)
        {
            return Entities.Embed.Default;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts is ["none"])
        {
            return Entities.Embed.None;
        }

        var embed = Entities.Embed.None;
        foreach (var part in parts)
        {
            embed |= part switch
            {
                "facts" => Entities.Embed.Facts,
                "evidence" => Entities.Embed.Evidence,
                "backlinks" => Entities.Embed.Backlinks,
                _ => (Embed?)null,
            } ?? (Embed)(-1);
        }

        return embed < 0 || embed == Entities.Embed.None ? null : embed;
    }
}

internal sealed class EntityDetailQueryValidator : AbstractValidator<EntityDetailQuery>
{
    public EntityDetailQueryValidator() =>
        RuleFor(q => q.Embed).Must(e => EntityDetailQuery.Parse(e) is not null)
            .WithMessage(q => $"'{q.Embed}' is not what a detail embeds: give `facts`, `evidence` and `backlinks` comma-separated, or `none`.");
}
