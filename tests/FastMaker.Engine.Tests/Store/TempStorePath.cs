namespace FastMaker.Engine.Tests.Store;

/// <summary>A fresh directory for one test's database, deleted afterwards.</summary>
internal sealed class TempStorePath : IDisposable
{
    public TempStorePath()
    {
        Directory = Path.Combine(Path.GetTempPath(), "fastmaker-store-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File = Path.Combine(Directory, "store.db");
    }

    public string Directory { get; }

    public string File { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be closing the file; the OS temp cleaner takes it.
        }
    }
}
