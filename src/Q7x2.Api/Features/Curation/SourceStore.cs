using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Sources;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;
using Q7x2.Data.Text;

namespace Q7x2.Api.Features.Curation;

/// <summary>A source document as a curator writes it: its metadata and its full text (which evidence then quotes).</summary>
/// <param name="Id">Stable slug.</param>
/// <param name="Title">Title as published.</param>
/// <param name="Publisher">Publisher, when the source names it.</param>
/// <param name="Language">BCP 47 language tag, e.g. en.</param>
/// <param name="Published">When it was published.</param>
/// <param name="Text">The full text, stored as given; evidence offsets count its code points.</param>
/// <param name="License">The licence the source is published under (an SPDX id or the publisher's words); leave out or null when unknown.</param>
/// <param name="RightsHolder">Who holds the rights to the source; leave out or null when unknown.</param>
/// <param name="Url">Where the source is published (an absolute http(s) URL); leave out or null when unknown.</param>
/// <param name="TextRedistributable">
/// Whether the API may serve the full text (default true). False keeps the text (quotes are checked against it) but withholds it
/// from every answer and from the dump.
/// </param>
public sealed record SourceInput(
    string Id, string Title, string? Publisher, string Language, FuzzyDateInput? Published, string Text,
    string? License = null, string? RightsHolder = null, string? Url = null, bool TextRedistributable = true);

public sealed class SourceInputValidator : AbstractValidator<SourceInput>
{
    public SourceInputValidator()
    {
        RuleFor(s => s.Id).Slug();
        RuleFor(s => s.Title).NotEmpty().MaximumLength(500);
        RuleFor(s => s.Publisher).MaximumLength(200);
        RuleFor(s => s.Language).NotEmpty().Matches("^[a-z]{2,3}(-[A-Za-z0-9]+)*$").WithMessage("'{PropertyValue}' is not a BCP 47 language tag");
        RuleFor(s => FuzzyDateInput.ToSeed(s.Published)!).SetValidator(new SeedFuzzyDateValidator()).When(s => s.Published is not null)
            .OverridePropertyName(nameof(SourceInput.Published));
        RuleFor(s => s.Text).NotEmpty();
        RuleFor(s => s.License).NotEmpty().MaximumLength(200).When(s => s.License is not null);
        RuleFor(s => s.RightsHolder).NotEmpty().MaximumLength(200).When(s => s.RightsHolder is not null);
        RuleFor(s => s.Url).Must(SeedRules.IsWebUrl).WithMessage("'{PropertyValue}' is not an absolute http(s) URL").When(s => s.Url is not null);
    }
}

/// <summary>Sources, written through /v1/sources. A text that evidence, claims or coverage notes quote may not change (the offsets would break).</summary>
internal sealed class SourceStore : CuratedStore<SourceInput, SourceDetail>
{
    public override string Resource => "sources";
    public override string TypeName => "Source";
    public override string What => "source";
    private static readonly Lazy<SourceInputValidator> Validator = new(() => new());

    public override string IdOf(SourceInput input) => input.Id;

    public override RequiredValues Required { get; } = RequiredValues.Within("published", FuzzyDateInput.Required);

    public override SourceInput Normalize(SourceInput input) => input;

    public override async Task<IEnumerable<(string Path, string Reason)>> ValidateAsync(SourceInput input, CancellationToken ct) =>
        (await Validator.Value.ValidateAsync(input, ct)).Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    public override async Task<SourceInput?> LoadAsync(Q7x2Db db, string id, CancellationToken ct) =>
        await db.Sources.AsNoTracking().Where(s => s.Id == id).FirstOrDefaultAsync(ct) is { } s
            ? new SourceInput(s.Id, s.Title, s.Publisher, s.Language, FuzzyDateInput.Of(SeedShapes.ToSeed(s.Published)), s.Text,
                s.License, s.RightsHolder, s.Url, s.TextRedistributable)
            : null;

    public override async Task<SourceDetail?> DetailAsync(Q7x2Db db, string id, CancellationToken ct) =>
        await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } source
            ? SourceDetail.Of(source)
            : null;

    public override Task<DbSeedLookup> LookupAsync(Q7x2Db db, SourceInput input, CancellationToken ct) => Task.FromResult(DbSeedLookup.Empty);

    public override ICuratedRecord Build(ISeedLookup lookup, SourceInput input, Action<string, string> error) => new Source
    {
        Id = input.Id, Title = input.Title, Publisher = input.Publisher, Language = input.Language,
        Published = SeedRecords.ToDate(FuzzyDateInput.ToSeed(input.Published)), Text = input.Text,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.Text))), CharCount = CodePoints.Count(input.Text),
        License = input.License, RightsHolder = input.RightsHolder, Url = input.Url, TextRedistributable = input.TextRedistributable,
    };

    public override Task DeleteAsync(Q7x2Db db, string id, CancellationToken ct) => db.Sources.Where(s => s.Id == id).ExecuteDeleteAsync(ct);

    public override async Task<IReadOnlyList<string>> ReferencedByAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var owners = await db.Evidence.AsNoTracking().Where(v => v.SourceId == id)
            .Select(v => v.EntityId != null ? "entities/" + v.EntityId : v.FactId != null ? "facts/" + v.FactId : "observations/" + v.ObservationId)
            .Distinct().ToListAsync(ct);
        var claims = await db.Claims.AsNoTracking().Where(c => c.SourceId == id).Select(c => "claims/" + c.Id).ToListAsync(ct);
        return [.. owners.Concat(claims).Order(StringComparer.Ordinal)];
    }

    public override Task<bool> IdTakenAsync(Q7x2Db db, string id, CancellationToken ct) => db.Sources.AnyAsync(s => s.Id == id, ct);

    public override IReadOnlyCollection<string> SearchIds(string id) => [];

    /// <summary>A text whose offsets something holds — evidence, a claim's quote, a coverage note's quote — cannot change.</summary>
    public override async Task<(string Path, string Reason)?> ConflictAsync(Q7x2Db db, SourceInput? before, SourceInput after, CancellationToken ct) =>
        before is not null && before.Text != after.Text
            && (await db.Evidence.AnyAsync(v => v.SourceId == before.Id, ct) || await db.Claims.AnyAsync(c => c.SourceId == before.Id, ct)
                || await db.CoverageNotes.AnyAsync(n => n.SourceId == before.Id, ct))
            ? ("text", "the text of a source that evidence, claims or coverage notes quote cannot change: the quotes' offsets would no longer hold")
            : null;
}
