using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Origin).HasMaxLength(16).HasDefaultValue(RecordOrigin.Seed);
        builder.Property(o => o.Id).HasMaxLength(100);
        builder.Property(o => o.Metric).HasMaxLength(100);
        builder.Property(o => o.Unit).HasMaxLength(16);
        builder.Property(o => o.Comparator).HasMaxLength(8);
        builder.Property(o => o.Modality).HasMaxLength(16);
        builder.Property(o => o.Note).HasMaxLength(2000);
        builder.OwnsOne(o => o.Period, d => FuzzyDateMapping.Map(d, "Period"));
        FuzzyDateMapping.MapKey(builder, o => o.PeriodKey, "Period");
        builder.HasOne<Entity>().WithMany().HasForeignKey(o => o.AttributionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(o => o.Subjects).WithOne().HasForeignKey(s => s.ObservationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Evidence).WithOne().HasForeignKey(v => v.ObservationId).OnDelete(DeleteBehavior.Cascade);
        // Each sort order (metric, period; ties by id) and the observations of one metric in id and in period order.
        builder.HasIndex(o => new { o.Metric, o.Id });
        builder.HasIndex(o => new { o.Metric, o.PeriodKey, o.Id });
        builder.HasIndex(o => new { o.PeriodKey, o.Id });
        builder.HasIndex(o => new { o.Unit, o.Id });
        builder.HasIndex(o => new { o.Unit, o.Metric, o.Id });
    }
}
