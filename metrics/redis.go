package metrics

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisHook returns a go-redis hook that times every command and pipeline.
func (m *Metrics) RedisHook() redis.Hook { return redisHook{m} }

type redisHook struct{ m *Metrics }

func (h redisHook) DialHook(next redis.DialHook) redis.DialHook {
	return next
}

func (h redisHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		defer h.observe(cmd.Name(), time.Now())
		return next(ctx, cmd)
	}
}

func (h redisHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		defer h.observe("pipeline", time.Now())
		return next(ctx, cmds)
	}
}

func (h redisHook) observe(command string, start time.Time) {
	h.m.redisTime.WithLabelValues(command).Observe(time.Since(start).Seconds())
}
