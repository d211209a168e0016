package store

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/redis/go-redis/v9"
)

// RouteClientLogs sends go-redis's own log lines (pool dial failures,
// Sentinel switches) to log at debug level. The operator then sees a Redis
// failure as the one-line error that names REDIS_URL, not as raw pool
// lines on stderr. go-redis has one logger per process, so this is for
// main to call once.
func RouteClientLogs(log *slog.Logger) { redis.SetLogger(clientLog{log}) }

type clientLog struct{ log *slog.Logger }

func (c clientLog) Printf(ctx context.Context, format string, v ...any) {
	if c.log.Enabled(ctx, slog.LevelDebug) {
		detail := strings.TrimPrefix(strings.TrimSpace(fmt.Sprintf(format, v...)), "redis: ")
		c.log.DebugContext(ctx, "redis client", "detail", detail)
	}
}
