using System.Runtime.InteropServices;

namespace DetainerRules.Yaml.Files;

/// <summary>What a path names on disk (a regular file, a folder, a FIFO, a device...) and which file it is (device and inode).</summary>
/// <remarks>
/// .NET reports a FIFO or a device as an ordinary existing file, and opening a FIFO blocks until a
/// writer comes, so the type is read with <c>statx</c> before anything is opened. Where <c>statx</c>
/// is not available (not Linux, or an old C library), the type falls back to what .NET can tell
/// (folder, link, or "a file") and identity to the full path with its links resolved.
/// </remarks>
public sealed record FileNode(FileNodeKind Kind, ulong Device, ulong Inode, string RealPath)
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint WantTypeAndInode = 0x1 | 0x100;

    private static bool _statxMissing;

    /// <summary>What the node is, as a message says it ("a named pipe (FIFO)").</summary>
    public string Described => Kind switch
    {
        FileNodeKind.Missing => "nothing",
        FileNodeKind.RegularFile => "a regular file",
        FileNodeKind.Directory => "a folder",
        FileNodeKind.SymbolicLink => "a symbolic link",
        FileNodeKind.Fifo => "a named pipe (FIFO)",
        FileNodeKind.CharacterDevice => "a character device",
        FileNodeKind.BlockDevice => "a block device",
        FileNodeKind.Socket => "a socket",
        _ => "not a regular file",
    };

    /// <summary>Whether two nodes are the same file (by device and inode where known, else by real path).</summary>
    public bool SameAs(FileNode other) =>
        Kind != FileNodeKind.Missing && other.Kind != FileNodeKind.Missing
        && (Inode != 0 && other.Inode != 0 ? Device == other.Device && Inode == other.Inode : RealPath == other.RealPath);

    /// <summary>The node at <paramref name="path"/>; with <paramref name="followLinks"/> false, a symbolic link is reported as one.</summary>
    public static FileNode Of(string path, bool followLinks = true)
    {
        var full = Path.GetFullPath(path);
        if (!_statxMissing && OperatingSystem.IsLinux())
        {
            try
            {
                var result = Statx(AtCurrentDirectory, full, followLinks ? 0 : AtSymlinkNoFollow, WantTypeAndInode, out var buffer);
                if (result == 0)
                {
                    return new FileNode(KindOf(buffer.Mode), ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor, buffer.Inode, RealPathOf(full));
                }

                // ENOSYS: a kernel without statx; anything else (ENOENT, ENOTDIR, ELOOP, EACCES...) means nothing readable is there.
                if (Marshal.GetLastPInvokeError() != 38)
                {
                    return new FileNode(FileNodeKind.Missing, 0, 0, full);
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Handled below, and not tried again.
            }

            _statxMissing = true;
        }

        return Managed(full, followLinks);
    }

    private static FileNode Managed(string full, bool followLinks)
    {
        var info = new FileInfo(full);
        var kind = !followLinks && info.LinkTarget is not null ? FileNodeKind.SymbolicLink
            : Directory.Exists(full) ? FileNodeKind.Directory
            : info.Exists ? FileNodeKind.RegularFile
            : FileNodeKind.Missing;
        return new FileNode(kind, 0, 0, RealPathOf(full));
    }

    /// <summary>The full path with every symbolic link along it resolved, as far as it exists.</summary>
    private static string RealPathOf(string full)
    {
        try
        {
            var parent = Path.GetDirectoryName(full);
            var resolvedParent = parent is null ? null : RealPathOf(parent);
            var here = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
            return new FileInfo(here).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? here;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static FileNodeKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileNodeKind.RegularFile,
        0x4000 => FileNodeKind.Directory,
        0xA000 => FileNodeKind.SymbolicLink,
        0x1000 => FileNodeKind.Fifo,
        0x2000 => FileNodeKind.CharacterDevice,
        0x6000 => FileNodeKind.BlockDevice,
        0xC000 => FileNodeKind.Socket,
        _ => FileNodeKind.Other,
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>The fields of Linux's <c>struct statx</c> read here; its layout is the same on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}
