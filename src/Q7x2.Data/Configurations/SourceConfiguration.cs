using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Origin).HasMaxLength(16).HasDefaultValue(RecordOrigin.Seed);
        builder.Property(s => s.Id).HasMaxLength(100);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Publisher).HasMaxLength(200);
        builder.Property(s => s.Language).HasMaxLength(16);
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.Property(s => s.License).HasMaxLength(200);
        builder.Property(s => s.RightsHolder).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.TextRedistributable).HasDefaultValue(true).HasSentinel(true);
        builder.OwnsOne(s => s.Published, d => FuzzyDateMapping.Map(d, "Published"));
        builder.HasIndex(s => new { s.Title, s.Id });
    }
}
