using System.Text;
using FunctionScheduler.Core.Api;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>Maps a scenario's REST step onto the shared handlers, for runtimes driven in-process.</summary>
public static class ConformanceRoutes
{
    public static Task<ApiResponse> SendAsync(TasksApi api, string method, string path, string? body)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        var parts = path.Trim('/').Split('/');
        return (method, parts) switch
        {
            ("POST", ["tasks"]) => api.CreateAsync(bytes),
            ("PUT", ["tasks", var id]) => api.PutAsync(id, bytes),
            ("GET", ["tasks", var id]) => api.GetAsync(id),
            ("DELETE", ["tasks", var id]) => api.DeleteAsync(id),
            ("POST", ["tasks", var id, "pause"]) => api.PauseAsync(id),
            ("POST", ["tasks", var id, "resume"]) => api.ResumeAsync(id),
            ("POST", ["tasks", var id, "run"]) => api.RunNowAsync(id),
            ("POST", ["tasks", var id, "backfill"]) => api.StartBackfillAsync(id, bytes),
            ("DELETE", ["tasks", var id, "backfill"]) => api.CancelBackfillAsync(id),
            _ => throw new ArgumentException($"No route for {method} {path}.", nameof(path)),
        };
    }
}
