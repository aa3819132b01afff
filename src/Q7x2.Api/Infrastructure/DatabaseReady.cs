namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Completes when <see cref="DatabaseInitializer"/> has migrated (and, on an empty database, seeded). Hosted services start
/// concurrently, so the other ones that read the database wait here.
/// </summary>
internal sealed class DatabaseReady
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _done.Task;

    public void Succeeded() => _done.TrySetResult();

    public void Failed(Exception exception) => _done.TrySetException(exception);
}
