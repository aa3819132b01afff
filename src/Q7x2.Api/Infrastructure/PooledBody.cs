using System.Buffers;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// A response body held in memory until it is tagged and sent (<see cref="RepresentationMiddleware"/>,
/// <see cref="ConditionalGetMiddleware"/>), in an array rented from the shared pool and given back on dispose. A
/// <c>MemoryStream</c> allocates a new array each time it doubles: about 60 KB for a 10 KB entity detail, which was half of
/// the bytes an uncached detail allocated.
/// </summary>
internal sealed class PooledBody : Stream
{
    /// <summary>Most bodies fit the first array: a record detail is 1–20 KB.</summary>
    private const int InitialSize = 16 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _length;

    /// <summary>The bytes written so far; valid until the next write or the dispose.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Grow(int more)
    {
        var needed = checked(_length + more);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
