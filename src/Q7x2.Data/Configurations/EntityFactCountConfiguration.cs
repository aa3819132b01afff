using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class EntityFactCountConfiguration : IEntityTypeConfiguration<EntityFactCount>
{
    public void Configure(EntityTypeBuilder<EntityFactCount> builder) => builder.HasKey(c => c.EntityId);
}
