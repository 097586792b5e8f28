using System.Diagnostics;
using System.Text;

namespace FastMaker.Venue.Tests.OfficialClient;

/// <summary>
/// Runs node and npm for the official-client check in tools/venue-client-check. A missing Node.js is a test
/// failure with a clear message, never a skip: CI machines have node and npm, so their absence is a broken set-up.
/// </summary>
internal static class NodeTool
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>tools/venue-client-check, found by walking up from the test assembly to the repository root.</summary>
    public static string ToolDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tools", "venue-client-check");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("tools/venue-client-check/package.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Fails the test unless node is on PATH; returns its version.</summary>
    public static async Task<string> RequireNodeAsync()
    {
        ProcessResult r;
        try
        {
            r = await RunAsync("node", ["--version"], Directory.GetCurrentDirectory(), null, TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail("Node.js is not installed (no 'node' on PATH): the official Polymarket client acceptance test needs node >= 18 and npm "
                + "(CI machines have them; on Debian: apt-get install nodejs npm). " + e.Message);
            throw;
        }
        Assert.True(r.ExitCode == 0, "'node --version' failed: " + r.Output);
        return r.Output.Trim();
    }

    /// <summary>Runs <c>npm ci</c> once: skipped when node_modules already matches package-lock.json.</summary>
    public static async Task EnsureInstalledAsync(string toolDir)
    {
        await InstallLock.WaitAsync();
        try
        {
            string stamp = Path.Combine(toolDir, "node_modules", ".package-lock.json");
            string lockFile = Path.Combine(toolDir, "package-lock.json");
            string client = Path.Combine(toolDir, "node_modules", "@polymarket", "clob-client-v2", "package.json");
            if (File.Exists(stamp) && File.Exists(client) && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(lockFile)) return;
            ProcessResult r;
            try
            {
                r = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], toolDir, null, TimeSpan.FromMinutes(5));
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail("npm is not installed (no 'npm' on PATH): needed to install the official Polymarket client. " + e.Message);
                throw;
            }
            Assert.True(r.ExitCode == 0, "npm ci in " + toolDir + " failed (exit " + r.ExitCode + "):\n" + r.Output);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static async Task<ProcessResult> RunAsync(string file, string[] args, string workingDirectory, IReadOnlyDictionary<string, string>? env, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args) info.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, stdout.ToString(), "timed out after " + timeout + "\n" + stderr);
        }
        process.WaitForExit(); // drains the asynchronous readers
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Exit code and captured output of a child process.</summary>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}
