using Microsoft.Extensions.Configuration;

namespace Endorse.Storage;

/// <summary>Where uploaded files wait until a job reads them (import files, attachments). Keys are opaque relative paths.</summary>
public interface IFileStorage
{
    /// <summary>Copies the stream into storage under a new key in <paramref name="area"/> and returns the key.</summary>
    Task<string> SaveAsync(Stream content, string area, string extension, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading, or null when it is gone.</summary>
    Stream? OpenRead(string key);

    long? SizeOf(string key);

    void Delete(string key);
}

/// <summary>Files on the local disk under <c>Storage:Folder</c> (default <c>data/files</c>).</summary>
public sealed class LocalFileStorage : IFileStorage
{
    public const string DefaultFolder = "data/files";

    public LocalFileStorage(IConfiguration configuration)
        : this(configuration["Storage:Folder"] is { Length: > 0 } folder ? folder : DefaultFolder)
    {
    }

    public LocalFileStorage(string folder) => Root = Path.GetFullPath(folder);

    public string Root { get; }

    public async Task<string> SaveAsync(Stream content, string area, string extension, CancellationToken cancellationToken = default)
    {
        var safeArea = new string(area.Where(char.IsAsciiLetterOrDigit).ToArray());
        var safeExtension = new string(extension.Where(char.IsAsciiLetterOrDigit).ToArray());
        var key = $"{safeArea}/{Guid.NewGuid():N}" + (safeExtension.Length > 0 ? "." + safeExtension : string.Empty);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, 81920, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return key;
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public long? SizeOf(string key)
    {
        var info = new FileInfo(PathOf(key));
        return info.Exists ? info.Length : null;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The storage key points outside the storage folder.", nameof(key));
        }

        return path;
    }
}
