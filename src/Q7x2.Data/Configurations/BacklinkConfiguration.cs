using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class BacklinkConfiguration : IEntityTypeConfiguration<Backlink>
{
    public void Configure(EntityTypeBuilder<Backlink> builder)
    {
        // Rows in the order a detail reads them: an entity's groups, each in time order (the table is WITHOUT ROWID, made by the
        // BacklinksInReadOrder migration, so the key is the table's own order); a record's rows by its id (what its triggers replace),
        // each once.
        builder.HasKey(b => new { b.TargetId, b.Relation, b.RecordKind, b.DateKey, b.RecordId });
        builder.Property(b => b.Relation).HasMaxLength(16);
        builder.Property(b => b.RecordKind).HasMaxLength(16);
        builder.Property(b => b.Name).HasMaxLength(300);
        builder.OwnsOne(b => b.Date, d => FuzzyDateMapping.Map(d, "Date"));
        builder.HasIndex(b => new { b.RecordId, b.Relation, b.TargetId }).IsUnique();
    }
}

internal sealed class BacklinkCountConfiguration : IEntityTypeConfiguration<BacklinkCount>
{
    public void Configure(EntityTypeBuilder<BacklinkCount> builder)
    {
        builder.HasKey(c => new { c.TargetId, c.Relation, c.RecordKind });
        builder.Property(c => c.Relation).HasMaxLength(16);
        builder.Property(c => c.RecordKind).HasMaxLength(16);
    }
}
