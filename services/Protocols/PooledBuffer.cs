using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.Protocols;

/// <summary>
/// A rented byte array and how much of it is filled; returned to the pool on dispose. Also an
/// <see cref="IBufferWriter{T}"/> that appends after the filled part (a frame built without a large-object-heap array).
/// </summary>
public sealed class PooledBuffer : IDisposable, IBufferWriter<byte>
{
    private byte[]? _array;

    public PooledBuffer(int capacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => Array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    private byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    public Span<byte> GetWritable(int length)
    {
        if (_array is null || _array.Length < length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(length);
            Array.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(Array);
            _array = bigger;
        }

        return _array.AsSpan();
    }

    public void SetLength(int length) => Length = length;

    public Span<byte> GetSpan(int sizeHint = 0) => GetWritable(checked(Length + Math.Max(sizeHint, 1)))[Length..];

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        GetWritable(checked(Length + Math.Max(sizeHint, 1)));
        return Array.AsMemory(Length);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Length + count, Array.Length);
        Length += count;
    }

    /// <summary>Reads a whole stream, failing with 413 past <paramref name="limit"/> bytes.</summary>
    public static async Task<PooledBuffer> ReadAsync(Stream stream, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        var buffer = new PooledBuffer((int)Math.Min(contentLength ?? 64 * 1024, limit) + 1);
        try
        {
            while (true)
            {
                if (buffer.Length == buffer.Array.Length)
                {
                    buffer.GetWritable((int)Math.Min((long)buffer.Array.Length * 2, limit + 1));
                }

                var read = await stream.ReadAsync(buffer.Array.AsMemory(buffer.Length), cancellationToken);
                if (read == 0)
                {
                    return buffer;
                }

                buffer.Length += read;
                if (buffer.Length > limit)
                {
                    throw new BadHttpRequestException($"The request body exceeds the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
                }
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }
    }
}
