using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Configurations;

internal sealed class EventRelationConfiguration : IEntityTypeConfiguration<EventRelation>
{
    public void Configure(EntityTypeBuilder<EventRelation> builder)
    {
        builder.HasKey(r => new { r.Relation, r.EntityId, r.EventId });
        builder.Property(r => r.Relation).HasMaxLength(16);

        // An entity's events in date order (the timeline's and the events list's order), and an event's rows for its triggers.
        builder.HasIndex(r => new { r.Relation, r.EntityId, r.DateKey, r.EventId });
        builder.HasIndex(r => r.EventId);
    }
}
