using System.Runtime.InteropServices;
using System.Text;
using DetainerRules.Yaml;

namespace DetainerRules.Web.Api;

/// <summary>Whether anything in the catalog's folders has changed since last asked: Linux's inotify, read without waiting on every request.</summary>
/// <remarks>
/// <para>
/// The kernel queues an event before the write, rename or delete that causes it returns to the
/// editor, so a request that starts after an edit finds the event here, and the catalog it uses is
/// read afresh (<see cref="CatalogLookup"/>). Asking costs one system call that finds nothing
/// (about a microsecond), where checking the files themselves cost, on the machine this was written
/// on, 255 µs a request to stat the shipped catalog's 78 files and 820 µs to read and hash them:
/// more than evaluating a booking.
/// </para>
/// <para>
/// <see cref="FileSystemWatcher"/> reads the same events on a thread of its own, so a request can
/// overtake an edit's event; reading the queue in the request cannot. A file system that reports no
/// events (a network share, some folders shared into a virtual machine) would go unnoticed: where
/// no watch can be set up at all (not Linux, too many folders, no watches left),
/// <see cref="TryWatch"/> returns null and every request reads the catalog afresh, as before.
/// </para>
/// <para><threadsafety instance="false"/> The caller serialises <see cref="Changed"/> with its use of the answer.</para>
/// </remarks>
internal sealed class FolderChanges : IDisposable
{
    /// <summary>Most folders watched; a search path reaching more is read afresh on every request instead.</summary>
    public const int MaxFolders = 512;

    // inotify(7): modified, attributes (a file made unreadable), written and closed, moved out or in, created, deleted, the folder itself deleted or moved.
    private const uint Events = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int NothingQueued = 11; // EAGAIN
    private const int Interrupted = 4; // EINTR

    private readonly int _queue;
    private readonly IReadOnlyList<string> _roots;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private bool _disposed;

    private FolderChanges(int queue, IReadOnlyList<string> roots)
    {
        _queue = queue;
        _roots = roots;
    }

    /// <summary>A watch over every folder a policy of the search path may be read from: each place, the <c>rules</c> folder above it (<see cref="PolicyReach.RootOf"/>), and their subfolders; null where none can be set up.</summary>
    public static FolderChanges? TryWatch(CatalogSearchPath searchPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        int queue;
        try
        {
            queue = inotify_init1(NonBlocking | CloseOnExec);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        if (queue < 0)
        {
            return null;
        }

        var roots = searchPath.Folders.SelectMany(f => new[] { f, PolicyReach.RootOf(Path.Combine(f, "policy.yaml")) }).Distinct(StringComparer.Ordinal).ToList();
        var changes = new FolderChanges(queue, roots);
        if (!changes.WatchAll())
        {
            changes.Dispose();
            return null;
        }

        return changes;
    }

    /// <summary>True when anything changed in the watched folders since the last call (or a folder appeared, which is then watched too).</summary>
    /// <exception cref="IOException">The watch broke; the caller stops trusting it.</exception>
    public bool Changed()
    {
        var changed = false;
        while (true)
        {
            var count = read(_queue, _buffer, _buffer.Length);
            if (count > 0)
            {
                changed = true;
                continue;
            }

            // Nothing (more) queued; anything else but an interruption means the queue can no longer be trusted.
            var error = count < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (error == Interrupted)
            {
                continue;
            }

            if (error == NothingQueued)
            {
                break;
            }

            throw new IOException($"reading the catalog's change events failed (errno {error})");
        }

        // A folder made since (or one replaced) is watched from now on; one that can no longer be is a broken watch.
        return changed && !WatchAll() ? throw new IOException("the catalog's folders can no longer all be watched") : changed;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _ = close(_queue);
        }
    }

    /// <summary>Watches every root that exists (and, for one that does not, the nearest folder above it, where it would appear) with all its subfolders; false past <see cref="MaxFolders"/> or when a watch fails.</summary>
    private bool WatchAll()
    {
        var folders = new List<string>();
        foreach (var root in _roots)
        {
            if (Directory.Exists(root))
            {
                folders.Add(root);
                folders.AddRange(Directory.EnumerateDirectories(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }).Take(MaxFolders));
            }
            else if (Path.GetDirectoryName(root) is { } above)
            {
                while (!Directory.Exists(above) && Path.GetDirectoryName(above) is { } higher)
                {
                    above = higher;
                }

                folders.Add(above);
            }

            // A policy file that is a link is read from where it points: watch that folder too.
            if (Directory.Exists(root))
            {
                folders.AddRange(Directory.EnumerateFiles(root, "*.yaml")
                    .Where(f => new FileInfo(f).LinkTarget is not null)
                    .Select(f => Path.GetDirectoryName(FileReach.RealPath(f)))
                    .OfType<string>());
            }

            if (folders.Count > MaxFolders)
            {
                return false;
            }
        }

        return folders.Distinct(StringComparer.Ordinal).All(f => inotify_add_watch(_queue, Encoding.UTF8.GetBytes(f + "\0"), Events) >= 0);
    }

#pragma warning disable SA1300, IDE1006 // The C library's own names.
    [DllImport("libc", SetLastError = true)]
    private static extern int inotify_init1(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int inotify_add_watch(int fd, byte[] path, uint mask);

    [DllImport("libc", SetLastError = true)]
    private static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
#pragma warning restore SA1300, IDE1006
}
