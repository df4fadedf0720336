using System.Runtime.InteropServices;

namespace AirisEpm.ServiceDefaults.WriteAhead;

/// <summary>
/// fsync of a directory, so a newly created file's name survives a power loss (POSIX makes the file's
/// data durable with fsync on the file, but its directory entry only with fsync on the directory).
/// Windows has no such call and needs none (NTFS journals names), so it does nothing there.
/// </summary>
public static class DirectorySync
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(System.Text.Encoding.UTF8.GetBytes(path + "\0"), ReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException($"Cannot open {path} to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of {path} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in the whole project.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] nullTerminatedUtf8Path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
