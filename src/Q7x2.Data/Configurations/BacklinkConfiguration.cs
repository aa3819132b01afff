using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class BacklinkConfiguration : IEntityTypeConfiguration<Backlink>
{
    public void Configure(EntityTypeBuilder<Backlink> builder)
    {
        // A record's rows first (what its triggers replace), then an entity's groups in time order (what a detail reads).
        builder.HasKey(b => new { b.RecordId, b.Relation, b.TargetId });
        builder.Property(b => b.Relation).HasMaxLength(16);
        builder.Property(b => b.RecordKind).HasMaxLength(16);
        builder.HasIndex(b => new { b.TargetId, b.Relation, b.RecordKind, b.DateKey, b.RecordId });
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
