using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Q7x2.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>), compiled once per model. A compiled query skips EF's per-execution
/// work on a LINQ query (parameter extraction, and a query-cache lookup that hashes the whole expression tree), which costs more
/// than a small indexed lookup itself. EF binds a compiled query to the first model it runs against and refuses any other; the
/// API has one model, but every test host builds its own, so the delegate is kept per model.
/// </summary>
public sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile)
    where TDelegate : class
{
    private readonly ConditionalWeakTable<IModel, TDelegate> _byModel = [];

    public TDelegate For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
