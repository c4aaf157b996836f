using System.Collections.Frozen;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Reads the schedule: the "schedule" object of the full form, or the top-level cron/interval/at/timeZone of the
/// short form (where only those four exist).
/// </summary>
internal static class ScheduleReader
{
    public const string DefaultTimeZone = "UTC";

    /// <summary>The three mutually exclusive ways to say when a task fires.</summary>
    public static readonly string[] KindNames = ["cron", "interval", "at"];

    private static readonly FrozenSet<string> ScheduleNames = FrozenSet.ToFrozenSet(
        ["cron", "interval", "at", "timeZone", "startAt", "endAt", "maxRuns", "jitter", "misfire"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> MisfireNames = FrozenSet.ToFrozenSet(
        ["policy", "grace", "catchUpLimit"], StringComparer.Ordinal);

    /// <summary>The schedule read from <paramref name="source"/>, or null when its kind cannot be told.</summary>
    public static TaskSchedule? Read(JsonObjectReader source, bool fullForm)
    {
        if (fullForm)
        {
            source.RejectUnknown(ScheduleNames);
        }

        var kind = ReadKind(source);
        var cron = ReadCron(source);
        var interval = source.Duration("interval");
        Bounds.Check(source.Errors, source.PointerOf("interval"), interval, DefinitionLimits.MinInterval, TimeSpan.MaxValue);
        var at = source.Instant("at");
        var timeZone = ReadTimeZone(source, kind);
        if (fullForm)
        {
            var schedule = ReadBoundsAndPolicies(source, at);
            return kind is { } known
                ? schedule with { Kind = known, Cron = cron, Interval = interval, At = at, TimeZone = timeZone }
                : null;
        }

        return kind is { } shortKind
            ? new TaskSchedule { Kind = shortKind, Cron = cron, Interval = interval, At = at, TimeZone = timeZone }
            : null;
    }

    private static ScheduleKind? ReadKind(JsonObjectReader source)
    {
        var given = KindNames.Where(source.Has).ToList();
        if (given.Count == 1)
        {
            return given[0] switch
            {
                "cron" => ScheduleKind.Cron,
                "interval" => ScheduleKind.Interval,
                _ => ScheduleKind.Once,
            };
        }

        var message = given.Count == 0
            ? "One of 'cron', 'interval' or 'at' is required."
            : $"Only one of 'cron', 'interval' or 'at' may be given; found {string.Join(", ", given.Select(name => "'" + name + "'"))}.";
        source.Errors.Add(source.Pointer, ValidationRules.OneOf, message);
        return null;
    }

    private static string? ReadCron(JsonObjectReader source)
    {
        if (source.String("cron") is not { } text)
        {
            return null;
        }

        if (CronSyntax.Check(text) is { } problem)
        {
            source.Errors.Add(source.PointerOf("cron"), ValidationRules.Cron, problem);
            return null;
        }

        return CronSyntax.Normalize(text);
    }

    private static string ReadTimeZone(JsonObjectReader source, ScheduleKind? kind)
    {
        if (source.String("timeZone") is not { } id)
        {
            return DefaultTimeZone;
        }

        var pointer = source.PointerOf("timeZone");
        if (kind is ScheduleKind.Interval or ScheduleKind.Once)
        {
            source.Errors.Add(pointer, ValidationRules.NotApplicable, "'timeZone' applies to cron schedules only; intervals and instants are absolute.");
            return DefaultTimeZone;
        }

        if (Resolve(id) is { } resolved)
        {
            return resolved;
        }

        source.Errors.Add(pointer, ValidationRules.TimeZone, $"'{id}' is not an IANA time zone id of this host's tz database; use one such as Europe/Berlin or UTC (ids are case-sensitive).");
        return DefaultTimeZone;
    }

    /// <summary>The one spelling stored for <paramref name="id"/> (see <see cref="ZoneCatalog"/>), or null when it names no IANA zone.</summary>
    private static string? Resolve(string id)
    {
        var canonical = ZoneCatalog.Host.Canonical(id) ?? WindowsZone(id);
        return canonical is not null && Loads(canonical) ? canonical : null;
    }

    // A Windows id is stored as its IANA zone, so the definition means the same on any host OS. ICU matches some
    // Windows ids regardless of case ("utc"); the way back must give the id exactly as written.
    private static string? WindowsZone(string id) =>
        TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(iana, out var windows)
        && string.Equals(windows, id, StringComparison.Ordinal)
            ? ZoneCatalog.Host.Canonical(iana)
            : null;

    // The catalogue lists the zone; the host must also be able to read it, or the task could never be planned here.
    private static bool Loads(string zone)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
        {
            return false;
        }
    }

    private static TaskSchedule ReadBoundsAndPolicies(JsonObjectReader source, DateTimeOffset? at)
    {
        var errors = source.Errors;
        var startAt = source.Instant("startAt");
        var endAt = source.Instant("endAt");
        if (startAt is { } start && endAt is { } end && end <= start)
        {
            errors.Add(source.PointerOf("endAt"), ValidationRules.After, "'endAt' must be after 'startAt'.");
        }

        if (at is { } instant && ((startAt is { } from && instant < from) || (endAt is { } until && instant > until)))
        {
            errors.Add(source.PointerOf("at"), ValidationRules.Range, "'at' must lie between 'startAt' and 'endAt'.");
        }

        var maxRuns = source.Integer("maxRuns");
        Bounds.Check(errors, source.PointerOf("maxRuns"), maxRuns, 1, int.MaxValue);
        var jitter = source.Duration("jitter");
        Bounds.Check(errors, source.PointerOf("jitter"), jitter, TimeSpan.Zero, DefinitionLimits.MaxJitter);
        // Kind and the when-fields are set by the caller once the kind is known.
        var schedule = new TaskSchedule
        {
            Kind = ScheduleKind.Cron,
            StartAt = startAt,
            EndAt = endAt,
            MaxRuns = (int?)maxRuns,
            Jitter = jitter ?? TimeSpan.Zero,
        };

        if (source.Object("misfire") is not { } misfire)
        {
            return schedule;
        }

        misfire.RejectUnknown(MisfireNames);
        var grace = misfire.Duration("grace");
        Bounds.Check(errors, misfire.PointerOf("grace"), grace, TimeSpan.Zero, DefinitionLimits.MaxMisfireGrace);
        var catchUpLimit = misfire.Integer("catchUpLimit");
        Bounds.Check(errors, misfire.PointerOf("catchUpLimit"), catchUpLimit, 1, DefinitionLimits.MaxCatchUpLimit);
        return schedule with
        {
            Misfire = ReadPolicy(misfire),
            MisfireGrace = grace ?? TaskSchedule.DefaultMisfireGrace,
            CatchUpLimit = (int?)catchUpLimit ?? TaskSchedule.DefaultCatchUpLimit,
        };
    }

    private static MisfirePolicy ReadPolicy(JsonObjectReader misfire)
    {
        switch (misfire.String("policy"))
        {
            case null or "fireOnce":
                return MisfirePolicy.FireOnce;
            case "skip":
                return MisfirePolicy.Skip;
            case "catchUp":
                return MisfirePolicy.CatchUp;
            case var other:
                misfire.Errors.Add(misfire.PointerOf("policy"), ValidationRules.Enum, $"'{other}' is not a misfire policy; use 'skip', 'fireOnce' or 'catchUp'.");
                return MisfirePolicy.FireOnce;
        }
    }
}
