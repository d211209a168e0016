package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// replicaEnv, when set, makes the test binary run as one bot process
// instead of running tests: the multi-process tests start it so, and kill
// it with SIGKILL where a real process can die.
const replicaEnv = "COLLABBOT_TEST_REPLICA"

func TestMain(m *testing.M) {
	if name := os.Getenv(replicaEnv); name != "" {
		os.Exit(runReplica(name))
	}
	os.Exit(m.Run())
}

// runReplica runs a bot on SLACK_API_URL and REDIS_URL (keys under
// COLLABBOT_TEST_PREFIX) until SIGTERM.
func runReplica(name string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil)).With("replica", name)
	opts, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		log.Error("REDIS_URL", "err", err)
		return 2
	}
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	st := store.New(rdb, os.Getenv("COLLABBOT_TEST_PREFIX"))
	api := bot.NewSlackClient(slacktest.DefaultBotToken, slacktest.DefaultAppToken, os.Getenv("SLACK_API_URL"))
	b, err := bot.New(api, st, bot.Config{
		Lang: "auto", Log: log, PingInterval: 2 * time.Second, MembersTTL: time.Nanosecond,
		Replica: name, Lease: 2 * time.Second, ReclaimAfter: 20 * time.Second, IntakeWait: 100 * time.Millisecond,
	})
	if err == nil {
		err = b.Run(ctx)
	}
	if err != nil {
		log.Error("replica stopped", "err", err)
		return 1
	}
	return 0
}

// fleet is a fake Slack, a real Redis and bot processes started from the
// test binary.
type fleet struct {
	*harness
	prefix string
	mu     sync.Mutex
	procs  map[string]*exec.Cmd
	n      int      // processes started so far, for names
	lines  sync.Map // "<process> <log line>" -> true, every line logged
}

// logged reports whether process name logged a line containing s.
func (f *fleet) logged(name, s string) bool {
	found := false
	f.lines.Range(func(k, _ any) bool {
		line := k.(string)
		found = strings.HasPrefix(line, name+" ") && strings.Contains(line, s)
		return !found
	})
	return found
}

// waitLogged waits until process name logged a line containing one of
// lines. A log line does not wake the fake Slack's WaitFor: it polls.
func (f *fleet) waitLogged(what, name string, lines ...string) {
	f.t.Helper()
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if slices.ContainsFunc(lines, func(l string) bool { return f.logged(name, l) }) {
			return
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("waiting for %s: %s logged none of %q", what, name, lines)
		}
	}
}

// signal sends sig to process name, as a scheduler pausing it would. A
// SIGSTOP returns once every thread of the process is stopped: the signal
// itself returns before, while the process may still run a little.
func (f *fleet) signal(name string, sig syscall.Signal) {
	f.t.Helper()
	f.mu.Lock()
	cmd := f.procs[name]
	f.mu.Unlock()
	if err := cmd.Process.Signal(sig); err != nil {
		f.t.Fatalf("signal %s: %v", name, err)
	}
	if sig != syscall.SIGSTOP {
		return
	}
	for deadline := time.Now().Add(10 * time.Second); !stopped(cmd.Process.Pid); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			f.t.Fatalf("%s did not stop", name)
		}
	}
}

// stopped reports whether every thread of process pid is stopped, as
// /proc tells.
func stopped(pid int) bool {
	stats, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/stat", pid))
	if err != nil || len(stats) == 0 {
		return false
	}
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			return false
		}
		// The state follows the command name, which is in parentheses.
		rest := b[bytes.LastIndexByte(b, ')')+1:]
		if f := bytes.Fields(rest); len(f) == 0 || f[0][0] != 'T' {
			return false
		}
	}
	return true
}

func newFleet(t *testing.T, replicas int, opts ...slacktest.Option) *fleet {
	t.Helper()
	if testing.Short() {
		t.Skip("starts bot processes")
	}
	srv := slacktest.New(append([]slacktest.Option{slacktest.WithPingInterval(200 * time.Millisecond)}, opts...)...)
	t.Cleanup(srv.Close)
	addPeople(srv)
	rdb := redistest.Client(t)
	prefix := redistest.Prefix(t)
	f := &fleet{harness: &harness{t: t, slack: srv, store: store.New(rdb, prefix), stop: func() {}}, prefix: prefix, procs: map[string]*exec.Cmd{}}
	t.Cleanup(f.stopAll)
	t.Cleanup(f.dumpOnFailure)
	for range replicas {
		f.startProc()
	}
	return f
}

// startProc starts one more bot process and waits for its connection.
func (f *fleet) startProc() string {
	f.t.Helper()
	f.mu.Lock()
	f.n++
	name := fmt.Sprintf("r%d", f.n)
	f.mu.Unlock()
	before := f.slack.Connections()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), replicaEnv+"="+name, "SLACK_API_URL="+f.slack.URL(),
		"REDIS_URL="+redistest.URL(), "COLLABBOT_TEST_PREFIX="+f.prefix)
	cmd.Stderr = &prefixed{t: f.t, name: name, lines: &f.lines}
	if err := cmd.Start(); err != nil {
		f.t.Fatalf("start replica: %v", err)
	}
	f.mu.Lock()
	f.procs[name] = cmd
	f.mu.Unlock()
	f.waitFor(name+" connected", func() bool { return f.slack.Connections() > before })
	return name
}

// kill ends a bot process with SIGKILL, as the OOM killer does.
func (f *fleet) kill(name string) {
	f.t.Helper()
	f.mu.Lock()
	cmd := f.procs[name]
	delete(f.procs, name)
	f.mu.Unlock()
	before := f.slack.Connections()
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	f.waitFor(name+"'s connection closed", func() bool { return f.slack.Connections() < before })
}

// terminate sends SIGTERM to process name, as a deployment does; the
// function it returns waits for the process to end and checks that it
// ended well.
func (f *fleet) terminate(name string) func() {
	f.t.Helper()
	f.mu.Lock()
	cmd := f.procs[name]
	delete(f.procs, name)
	f.mu.Unlock()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		f.t.Fatalf("terminate %s: %v", name, err)
	}
	return func() {
		f.t.Helper()
		if err := waitExit(cmd, 30*time.Second); err != nil {
			f.t.Errorf("replica %s: %v", name, err)
		}
	}
}

// waitExit waits up to d for cmd to end, killing it past d.
func waitExit(cmd *exec.Cmd, d time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		<-done
		return fmt.Errorf("did not stop within %v", d)
	}
}

// calls counts the calls of method Slack received.
func (f *fleet) calls(method string) int {
	n := 0
	for _, c := range f.slack.Calls() {
		if c.Method == method {
			n++
		}
	}
	return n
}

func (f *fleet) stopAll() {
	f.mu.Lock()
	procs := f.procs
	f.procs = map[string]*exec.Cmd{}
	f.mu.Unlock()
	for _, cmd := range procs {
		_ = cmd.Process.Signal(syscall.SIGTERM)
	}
	for name, cmd := range procs {
		if err := waitExit(cmd, 20*time.Second); err != nil {
			f.t.Errorf("replica %s: %v", name, err)
		}
	}
}

// prefixed keeps a process's output lines and logs them in the test log,
// when verbose.
type prefixed struct {
	t     *testing.T
	name  string
	lines *sync.Map
}

func (p *prefixed) Write(b []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		p.lines.Store(p.name+" "+line, true)
		if testing.Verbose() {
			fmt.Fprintf(os.Stderr, "[%s] %s\n", p.name, line)
		}
	}
	return len(b), nil
}

// dumpOnFailure logs the processes' last lines when the test failed,
// each process's in the order written, so a failure can be read
// without running it again verbose.
func (f *fleet) dumpOnFailure() {
	if !f.t.Failed() || testing.Verbose() {
		return
	}
	var lines []string
	f.lines.Range(func(k, _ any) bool { lines = append(lines, k.(string)); return true })
	slices.Sort(lines) // by process, then by the time each line starts with
	f.t.Logf("process output (%d lines):\n%s", len(lines), strings.Join(lines[max(0, len(lines)-400):], "\n"))
}

// waitLong is waitFor with room for a crowded machine.
func (h *harness) waitLong(what string, cond func() bool) {
	h.t.Helper()
	h.waitUpTo(90*time.Second, what, cond)
}
