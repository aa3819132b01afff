using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class CoverageNoteConfiguration : IEntityTypeConfiguration<CoverageNote>
{
    public void Configure(EntityTypeBuilder<CoverageNote> builder)
    {
        builder.HasKey(n => new { n.SourceId, n.Position });
        builder.Property(n => n.SourceId).HasMaxLength(100);
        builder.Property(n => n.Kind).HasMaxLength(16);
        builder.Property(n => n.Reason).HasMaxLength(32);
        builder.Property(n => n.Note).HasMaxLength(2000);
        builder.HasOne<Source>().WithMany().HasForeignKey(n => n.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
