using System.Runtime.InteropServices;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// An append-only file made durable after each append, as cheaply as the kernel allows. On Linux the file is extended
/// ahead of the writes in chunks of <see cref="ChunkBytes"/> (<c>fallocate</c>, which sets the size), so an append only
/// fills space the file already has and <c>fdatasync</c> need not also journal a new size and modification time each
/// time: 53–63 instead of 74–93 µs CPU per append and sync on ext4 here (bench/README-protocols.md). The file's length is then past its
/// last byte written and the rest reads as zeros, which <see cref="WalFrame.ReadAll"/> takes as the end. Where
/// <c>fallocate</c> is refused (another OS, a file system without it, a full disk) the file grows by its writes and each
/// append is fsync'd.
/// </summary>
public sealed class PreallocatedFile : IDisposable
{
    public const long ChunkBytes = 4L * 1024 * 1024;
    private const int Interrupted = 4; // EINTR

    private readonly FileStream _file;
    private long _written;
    private long _allocated;
    private bool _preallocating = OperatingSystem.IsLinux();

    public PreallocatedFile(string path)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    /// <summary>True while appends fill preallocated space and sync with fdatasync (false once fallocate was refused).</summary>
    public bool Preallocating => _preallocating;

    /// <summary>Bytes appended so far (the file may be longer: preallocated zeros).</summary>
    public long Written => _written;

    /// <summary>Writes <paramref name="bytes"/> after the last append and makes them durable before returning.</summary>
    public void AppendDurably(ReadOnlySpan<byte> bytes)
    {
        if (_preallocating && _written + bytes.Length > _allocated)
        {
            Extend(_written + bytes.Length);
        }

        RandomAccess.Write(_file.SafeFileHandle, bytes, _written);
        _written += bytes.Length;
        if (_preallocating)
        {
            Sync(Fdatasync, "fdatasync");
        }
        else
        {
            _file.Flush(flushToDisk: true);
        }
    }

    /// <summary>Allocates whole chunks up to at least <paramref name="needed"/> bytes; stops preallocating if refused.</summary>
    private void Extend(long needed)
    {
        var target = (needed + ChunkBytes - 1) / ChunkBytes * ChunkBytes;
        int result;
        do
        {
            result = WithDescriptor(fd => Fallocate(fd, 0, _allocated, target - _allocated));
        }
        while (result != 0 && Marshal.GetLastPInvokeError() == Interrupted);

        if (result == 0)
        {
            _allocated = target;
        }
        else
        {
            _preallocating = false; // unsupported or no room to reserve: plain appends still work while the disk has space
        }
    }

    private void Sync(Func<int, int> call, string name)
    {
        if (WithDescriptor(call) != 0)
        {
            throw new IOException($"{name} of {_file.Name} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    private int WithDescriptor(Func<int, int> call)
    {
        var handle = _file.SafeFileHandle;
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return call((int)handle.DangerousGetHandle());
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    public void Dispose() => _file.Dispose();

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in the whole project.
    [DllImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    private static extern int Fallocate(int fd, int mode, long offset, long length);

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static extern int Fdatasync(int fd);
}
