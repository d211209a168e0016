// Package bot is collabbot's Slack side: it receives Socket Mode envelopes,
// turns them into flow events, and carries out the effects the flow decides.
package bot

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// Store keeps collaborations and the intake; *store.Store implements it.
type Store interface {
	Create(ctx context.Context, c *flows.Collab) error
	Get(ctx context.Context, id string) (flows.Collab, error)
	Apply(ctx context.Context, c *flows.Collab, eventKey string) error
	ApplyFenced(ctx context.Context, c *flows.Collab, eventKey string, part int, token int64) error
	SaveAll(ctx context.Context, fs []fencedSave) []error
	IndexThread(ctx context.Context, channel, threadTS, id string) error
	ThreadCollab(ctx context.Context, channel, threadTS string) (string, error)
	Once(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Tally makes the round trips sent with ctx count for kind of event.
	Tally(ctx context.Context, kind string) context.Context
	Intake
	Listings
}

// Listings answer /collab list and the Home tab; see package store.
type Listings interface {
	OpenInChannel(ctx context.Context, channel string) ([]flows.Collab, error)
	Mine(ctx context.Context, user string) ([]flows.Collab, error)
	OpenedHome(ctx context.Context, user string) error
	WithHome(ctx context.Context, users []string) ([]string, error)
}

// Intake records envelopes in partition streams and leases partitions to
// replicas; see package store.
type Intake interface {
	Record(ctx context.Context, part int, fields map[string]any) (string, error)
	RecordAll(ctx context.Context, rs []recording) []error
	JoinIntake(ctx context.Context, part int) error
	ReadIntake(ctx context.Context, part int, consumer string, max int64, block time.Duration) ([]storedEntry, error)
	ClaimIntake(ctx context.Context, part int, consumer string, minIdle time.Duration) ([]storedEntry, error)
	AckIntake(ctx context.Context, part int, ids ...string) error
	SaveAndAck(ctx context.Context, c *flows.Collab, part int, id string, token int64) error
	SaveEvent(ctx context.Context, c *flows.Collab, eventKey string, w eventSave) (bool, error)
	Own(ctx context.Context, part int, me string, ttl time.Duration) (int64, error)
	Disown(ctx context.Context, part int, me string) error
	Heartbeat(ctx context.Context, me string, ttl time.Duration) (int, error)
	Leave(ctx context.Context, me string) error
}

// recording is store.Recording: an entry to record and its partition.
type recording = struct {
	Part   int
	Fields map[string]any
}

// eventSave is store.EventSave: what an event's save brings along.
type eventSave = struct {
	Part   int
	Entry  string
	Token  int64
	Timers map[string]time.Time
}

// fencedSave is store.Fenced: a collab to save under the lease of the
// partition its work came from.
type fencedSave = struct {
	Collab *flows.Collab
	Part   int
	Token  int64
}

// storedEntry is store.Entry: a recorded envelope's stream id and fields.
type storedEntry = struct {
	ID     string
	Fields map[string]string
}

// Config holds the bot's settings besides its clients.
type Config struct {
	Lang      string         // "auto", "en" or "zh"
	DefaultTZ *time.Location // for writers whose Slack profile has no zone
	// Holidays is the working-day calendar of new collabs ("cn", "none"),
	// or "" for the default of each collab's language.
	Holidays string
	// SprintDays is the sprint length that "in 2 sprints" is read with;
	// 0 leaves such phrases undated.
	SprintDays int
	Log        *slog.Logger
	// EventTimeout bounds the work on one event, Slack calls included.
	EventTimeout time.Duration
	// StoreRetry is how long one store call waits for Redis to come back.
	StoreRetry time.Duration
	// MembersTTL is how long user groups' members are taken as known;
	// default one minute (usergroups.users.list is a low-rate method).
	MembersTTL time.Duration
	// PingInterval overrides the Socket Mode client's ping timeout (tests).
	PingInterval time.Duration
	// Replica names this process among the replicas (default: host, pid
	// and a random suffix). Partitions is how many intake streams events
	// are spread over (default 8; the same for every replica). Lease is
	// how long a partition stays with a replica that stopped renewing it
	// (default 5 s); ReclaimAfter is how long an entry may stay pending
	// before it is handed out again (default 2 min, beyond EventTimeout).
	Replica      string
	Partitions   int
	Lease        time.Duration
	ReclaimAfter time.Duration
	// IntakeWait is how long a partition's read waits for new entries
	// (default 1 s); stopping waits for reads in progress, up to this long.
	IntakeWait time.Duration
	// Retention is how long a lost thread's note stays recorded as sent.
	Retention time.Duration
	// Policy says when unanswered questions are nudged and unfinished
	// collaborations expire; zero durations turn each off.
	Policy flows.Policy
	// Now is the clock timers read (default time.Now); TimerEvery is how
	// often due timers are looked for (default 1 s).
	Now        func() time.Time
	TimerEvery time.Duration
	// Metrics counts events and retries; nil measures nothing.
	Metrics Metrics
}

// cacheBytes bounds the collabs kept in memory: about 64 MiB of text.
const cacheBytes = 64 << 20

// Bot is one running collabbot instance.
type Bot struct {
	api       *slack.Client
	store     Store
	sched     Scheduler // nil: pending effects wait for the collab's next event
	timers    Timers    // nil: nothing is nudged, reminded or expired
	cfg       Config
	log       *slog.Logger
	self      string // the bot's user id, from auth.test
	work      *serial
	msgs      *render.Renderer
	users     *userCache
	groups    *groupCache
	stopping  atomic.Bool // set once Run stops taking events
	collabs   *collabCache
	flushing  sync.Mutex // held by a flush, from taking the unsaved to marking them saved
	links     *linkCache
	homes     *homeCache
	connected atomic.Bool
	gone      chan *Revoked // the app's access was taken away: stop
}

// New returns a bot that talks to Slack through api and keeps state in st.
func New(api *slack.Client, st Store, cfg Config) (*Bot, error) {
	msgs, err := render.New()
	if err != nil {
		return nil, fmt.Errorf("load message catalogs: %w", err)
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.DefaultTZ == nil {
		cfg.DefaultTZ = time.UTC
	}
	if cfg.EventTimeout == 0 {
		cfg.EventTimeout = 2 * time.Minute
	}
	if cfg.MembersTTL == 0 {
		cfg.MembersTTL = time.Minute
	}
	if cfg.StoreRetry == 0 {
		cfg.StoreRetry = 20 * time.Second
	}
	cfg.withIntakeDefaults()
	msgs = msgs.WithClock(cfg.Now) // an agreement is dated, and a year named, by the bot's clock
	cfg.Metrics = orNoMetrics(cfg.Metrics)
	sched, _ := st.(Scheduler)
	timers, _ := st.(Timers)
	return &Bot{
		api: api, store: st, sched: sched, timers: timers, cfg: cfg, log: cfg.Log, msgs: msgs,
		work:    newSerial(),
		users:   newUserCache(time.Hour, cfg.Log),
		groups:  newGroupCache(cfg.MembersTTL),
		collabs: newCollabCache(cacheBytes),
		links:   &linkCache{links: map[string]string{}},
		homes:   newHomeCache(),
		gone:    make(chan *Revoked, 1),
	}, nil
}

// Connected reports whether the Socket Mode connection is up.
func (b *Bot) Connected() bool { return b.connected.Load() }

// Run connects to Slack and handles events until ctx is done. Then it stops
// taking events, finishes the ones in flight and returns nil. When Slack
// takes the app's access away it stops the same way and returns *Revoked.
func (b *Bot) Run(ctx context.Context) error {
	auth, err := b.api.AuthTestContext(ctx)
	if r := revokedBy(err); r != nil {
		return r
	}
	if err != nil {
		return fmt.Errorf("auth.test%s: %w", tokenHint(err, "SLACK_BOT_TOKEN"), err)
	}
	b.self = auth.UserID
	b.log.Info("authenticated", "bot_user", b.self, "team", auth.TeamID, "replica", b.cfg.Replica)

	opts := []socketmode.Option{}
	if b.cfg.PingInterval > 0 {
		opts = append(opts, socketmode.OptionPingInterval(b.cfg.PingInterval))
	}
	sock := socketmode.New(b.api, opts...)
	sockCtx, stopSock := context.WithCancel(context.WithoutCancel(ctx))
	defer stopSock()
	sockErr := make(chan error, 1)
	go func() { sockErr <- sock.RunContext(sockCtx) }()

	loopCtx, stopLoops := context.WithCancel(ctx)
	var loops sync.WaitGroup
	loops.Go(func() { b.own(loopCtx) })
	loops.Go(func() { b.retryDue(loopCtx) })
	loops.Go(func() { b.flushLoop(loopCtx) })
	for _, kind := range timerKinds {
		if b.timers != nil {
			loops.Go(func() { b.timersDue(loopCtx, kind) })
		}
	}
	err = b.receive(ctx, sock, sockErr)
	b.stopping.Store(true)
	stopLoops()
	b.drain(context.WithoutCancel(ctx), sock, &loops)
	// Acks queued by the last events are written by the socket goroutine.
	time.Sleep(50 * time.Millisecond)
	stopSock()
	b.work.Wait() // notes queued by the very last envelopes
	b.flushLast(ctx)
	b.connected.Store(false)
	return err
}

// receive reads Socket Mode events until ctx ends or the socket fails.
func (b *Bot) receive(ctx context.Context, sock *socketmode.Client, sockErr <-chan error) error {
	for {
		select {
		case <-ctx.Done():
			b.log.Info("stopping: no new events taken, finishing those in flight")
			return nil
		case err := <-sockErr:
			if ctx.Err() != nil {
				return nil
			}
			if r := revokedBy(err); r != nil {
				return r
			}
			return fmt.Errorf("socket mode%s: %w", tokenHint(err, "SLACK_APP_TOKEN"), err)
		case r := <-b.gone:
			b.log.Warn("stopping: " + r.Error())
			return r
		case ev := <-sock.Events:
			b.routeAll(ctx, sock, gather(ev, sock.Events))
		}
	}
}

// drain waits for the events in flight while it keeps reading the socket,
// so its reader never blocks. Envelopes arriving now are still recorded
// and acked: whichever replica reads their partition next handles them.
func (b *Bot) drain(ctx context.Context, sock *socketmode.Client, loops *sync.WaitGroup) {
	done := make(chan struct{})
	go func() { loops.Wait(); b.work.Wait(); close(done) }()
	for {
		select {
		case <-done:
			return
		case ev := <-sock.Events:
			b.routeAll(ctx, sock, gather(ev, sock.Events))
		}
	}
}

// eventContext bounds one event's work; it outlives a shutdown signal so
// events in flight are finished, not cut off.
func (b *Bot) eventContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), b.cfg.EventTimeout)
}

func collabKey(id string) string { return "collab:" + id }

// tokenHint names the variable to check when Slack refused a token.
func tokenHint(err error, variable string) string {
	for _, code := range []string{"invalid_auth", "not_authed", "token_revoked", "account_inactive", "not_allowed_token_type"} {
		if strings.Contains(err.Error(), code) {
			return " (Slack refused " + variable + ")"
		}
	}
	return ""
}

func (cfg *Config) withIntakeDefaults() {
	if cfg.Replica == "" {
		host, _ := os.Hostname()
		cfg.Replica = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), rand.Text()[:6])
	}
	if cfg.Partitions <= 0 {
		cfg.Partitions = 8
	}
	if cfg.Lease <= 0 {
		cfg.Lease = 5 * time.Second
	}
	if cfg.ReclaimAfter <= 0 {
		cfg.ReclaimAfter = cfg.EventTimeout + time.Second
	}
	if cfg.IntakeWait <= 0 {
		cfg.IntakeWait = time.Second
	}
	if cfg.Retention <= 0 {
		cfg.Retention = 180 * 24 * time.Hour
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TimerEvery <= 0 {
		cfg.TimerEvery = time.Second
	}
}
