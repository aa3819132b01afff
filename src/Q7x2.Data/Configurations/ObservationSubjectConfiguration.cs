using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class ObservationSubjectConfiguration : IEntityTypeConfiguration<ObservationSubject>
{
    public void Configure(EntityTypeBuilder<ObservationSubject> builder)
    {
        builder.HasKey(s => new { s.ObservationId, s.EntityId });
        builder.HasOne<Entity>().WithMany().HasForeignKey(s => s.EntityId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(s => s.EntityId);
    }
}
