using System.Runtime.CompilerServices;
using FastMaker.Engine.Store;

namespace FastMaker.Engine.Tests.Store;

/// <summary>
/// The process that <see cref="StoreCrashTests"/> kills. Started as <c>dotnet FastMaker.Engine.Tests.dll</c> with
/// <see cref="PathVariable"/> set, it takes over before the test assembly's (empty, generated) entry point runs:
/// it replays the last committed group (proving replays harmless), then writes <see cref="CrashStream"/> groups
/// through a real <see cref="StoreWriter"/> until killed, printing each durable group sequence.
/// </summary>
internal static class StoreCrashChild
{
    public const string PathVariable = "FASTMAKER_STORE_CRASH_CHILD_DB";

#pragma warning disable CA2255 // A module initializer is the only way into the test assembly's own process without editing its project file.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunIfChild()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable);
        if (string.IsNullOrEmpty(path) || !Environment.GetCommandLineArgs()[0].EndsWith("FastMaker.Engine.Tests.dll", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            Run(path);
            Environment.Exit(0);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine("crash child failed: " + ex);
            Environment.Exit(3);
        }
    }

    private static void Run(string path)
    {
        using var store = SqliteStore.Open(path);
        var scratch = new List<StoreChange>();
        if (store.LastGroupSequence > 0)
        {
            CrashStream.Group(store.LastGroupSequence, scratch);
            store.ApplyGroups(scratch.ToArray(), store.LastGroupSequence);
        }

        var output = Console.Out;
        using var writer = new StoreWriter(store, committed: sequence =>
        {
            output.WriteLine("C " + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
            output.Flush();
        });
        output.WriteLine("S " + writer.NextGroupSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.Flush();
        for (var i = 0; i < 1_000_000; i++)
        {
            var k = writer.NextGroupSequence;
            CrashStream.Group(k, scratch);
            foreach (var change in scratch)
            {
                writer.Append(change);
            }

            writer.CommitGroup();
            if ((i & 3) == 3)
            {
                Thread.Sleep(1);
            }
        }
    }
}
