using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class EntityLinkConfiguration : IEntityTypeConfiguration<EntityLink>
{
    public void Configure(EntityTypeBuilder<EntityLink> builder)
    {
        builder.HasKey(l => new { l.EntityId, l.Role, l.TargetId });
        builder.Property(l => l.Role).HasMaxLength(32);
        builder.HasOne<Entity>().WithMany().HasForeignKey(l => l.TargetId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(l => new { l.TargetId, l.Role });
    }
}
