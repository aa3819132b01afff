using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Q7x2.Data;

namespace Q7x2.Migrations.Postgres;

/// <summary>
/// The context <c>dotnet ef</c> uses for this project's migrations (<c>migrations add</c>, <c>has-pending-model-changes</c>):
/// PostgreSQL's model, without the API's services or a server (neither command connects).
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<Q7x2Db>
{
    public Q7x2Db CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Postgres("Host=localhost;Database=q7x2").Options);
}
