using System.Globalization;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// What one chaos run does. Two presets: the long run (the default: 3 hosts, 50 tasks, 8 kills over 3 minutes,
/// then a rolling restart and a 15-second storage pause) and <c>--short</c> (2 hosts, 20 tasks, 2 kills, a 6-second
/// pause: about a minute and a half, for the test command). Every value can be set on the command line.
/// </summary>
internal sealed record ChaosOptions
{
    public int Hosts { get; init; } = 3;

    public int Tasks { get; init; } = 50;

    public int Kills { get; init; } = 8;

    /// <summary>The kills are spread evenly over this phase, one host after another.</summary>
    public TimeSpan KillPhase { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>A killed host is started again (a new process, a new instance id) this long after its kill.</summary>
    public TimeSpan RestartAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After the kills, every host in turn is stopped with SIGTERM and started again at once.</summary>
    public bool Rolling { get; init; } = true;

    /// <summary>Azurite is stopped (SIGSTOP) for this long, then continued (SIGCONT); zero leaves it alone.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Quiet time at the end, for the last takeovers and the pause's backlog; it must outlast the takeover bound.</summary>
    public TimeSpan Tail { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>How long the receiver holds each call before answering: it keeps claims open, so kills strand some.</summary>
    public TimeSpan TargetDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The standalone host to run (FunctionScheduler.Standalone.dll); default: this repository's build.</summary>
    public string? HostDll { get; init; }

    /// <summary>Where to write the Markdown report besides standard output.</summary>
    public string? Output { get; init; }

    /// <summary>Exit 1 when an occurrence was lost or delivered under two run ids.</summary>
    public bool Assert { get; init; }

    /// <summary>A name for the run in the report (what was measured, "before", "after").</summary>
    public string Label { get; init; } = "chaos";

    public static ChaosOptions Short { get; } = new()
    {
        Hosts = 2,
        Tasks = 20,
        Kills = 2,
        KillPhase = TimeSpan.FromSeconds(30),
        Pause = TimeSpan.FromSeconds(6),
        Tail = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// <c>chaos [--short] [--hosts N] [--tasks N] [--kills N] [--kill-phase S] [--restart-after S] [--no-rolling]
    /// [--pause S] [--tail S] [--target-delay MS] [--host-dll PATH] [--label TEXT] [--out FILE] [--assert]</c>.
    /// </summary>
    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--short") ? Short : new ChaosOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--short" => options,
                "--hosts" => options with { Hosts = (int)Number() },
                "--tasks" => options with { Tasks = (int)Number() },
                "--kills" => options with { Kills = (int)Number() },
                "--kill-phase" => options with { KillPhase = TimeSpan.FromSeconds(Number()) },
                "--restart-after" => options with { RestartAfter = TimeSpan.FromSeconds(Number()) },
                "--no-rolling" => options with { Rolling = false },
                "--pause" => options with { Pause = TimeSpan.FromSeconds(Number()) },
                "--tail" => options with { Tail = TimeSpan.FromSeconds(Number()) },
                "--target-delay" => options with { TargetDelay = TimeSpan.FromMilliseconds(Number()) },
                "--host-dll" => options with { HostDll = Value() },
                "--label" => options with { Label = Value() },
                "--out" => options with { Output = Value() },
                "--assert" => options with { Assert = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (options.Hosts < 2 || options.Tasks < 1 || options.Kills < 0)
        {
            throw new ArgumentException("At least 2 hosts (a kill needs a survivor) and 1 task.");
        }

        return options;
    }

    /// <summary>The longest the run may take before it gives up and stops everything it started.</summary>
    public TimeSpan Budget => TimeSpan.FromSeconds(90) + KillPhase + (Rolling ? TimeSpan.FromSeconds(60) * Hosts : TimeSpan.Zero)
        + Pause + TimeSpan.FromSeconds(20) + Tail + TimeSpan.FromMinutes(2);
}
