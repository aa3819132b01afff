using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Deleting an entity no longer deletes the event relations that name it, only the deleted event's own. A curator's PUT
    /// replaces an entity's row (delete, then insert) while the events that point at it stay as they are, so the person vanished
    /// from <c>/v1/events?participant=</c> and the timeline until each of those events was written again. An entity that is gone
    /// for good cannot leave rows behind: the events that pointed at it must change before the transaction's foreign keys are
    /// checked, and their triggers recompute their rows.
    /// </summary>
    public partial class EventRelationsOfAReplacedEntity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"EventRelations_EntityDeleted\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "EventRelations_EntityDeleted" AFTER DELETE ON "Entities" BEGIN
                    DELETE FROM "EventRelations" WHERE "EventId" = OLD."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"EventRelations_EntityDeleted\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "EventRelations_EntityDeleted" AFTER DELETE ON "Entities" BEGIN
                    DELETE FROM "EventRelations" WHERE "EventId" = OLD."Id";
                    DELETE FROM "EventRelations" WHERE "Relation" IN ('country', 'participant', 'place') AND "EntityId" = OLD."Id";
                END;
                """);
        }
    }
}
