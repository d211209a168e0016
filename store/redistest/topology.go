package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Node is a throwaway redis-server (or sentinel) a test started: no
// persistence, killed at cleanup. Tests may flush or kill it freely.
type Node struct {
	Addr string
	cmd  *exec.Cmd
}

// readyWithin bounds how long a started server may take to answer.
const readyWithin = 15 * time.Second

// freePort returns a loopback port nobody listens on now.
func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// need fails the test when a program is not installed: tests of Redis
// topologies must not pass by skipping.
func need(t testing.TB, prog string) {
	t.Helper()
	if _, err := exec.LookPath(prog); err != nil {
		t.Fatalf("%s is not installed (apt-get install redis-server redis-tools): %v", prog, err)
	}
}

// StartNode starts a redis-server of the test's own on a free port, with
// extra arguments (say "--enable-debug-command", "yes").
func StartNode(t testing.TB, args ...string) *Node {
	t.Helper()
	return launch(t, freePort(t), args...)
}

// launch starts redis-server on port with extra arguments and waits
// until it answers PING.
func launch(t testing.TB, port int, args ...string) *Node {
	t.Helper()
	need(t, "redis-server")
	dir := t.TempDir()
	base := []string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--dir", dir, "--logfile", filepath.Join(dir, "redis.log")}
	if len(args) > 0 && strings.HasSuffix(args[0], ".conf") {
		base = append([]string{args[0]}, base...) // a config file goes first
		args = args[1:]
	}
	n := &Node{Addr: "127.0.0.1:" + strconv.Itoa(port), cmd: exec.Command("redis-server", append(base, args...)...)}
	if err := n.cmd.Start(); err != nil {
		t.Fatalf("start redis-server on %s: %v", n.Addr, err)
	}
	t.Cleanup(n.Kill)
	n.await(t, func(rdb *redis.Client) error { return rdb.Ping(context.Background()).Err() })
	return n
}

// await polls cond with a client of n until it returns nil.
func (n *Node) await(t testing.TB, cond func(*redis.Client) error) {
	t.Helper()
	rdb := n.Client()
	defer rdb.Close()
	deadline := time.Now().Add(readyWithin)
	for {
		err := cond(rdb)
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("redis on %s: %v", n.Addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Client is a plain client of n; the caller closes it.
func (n *Node) Client() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: n.Addr, MaxRetries: -1})
}

// Kill ends the server at once, as a crash would.
func (n *Node) Kill() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	_ = n.cmd.Process.Kill()
	_ = n.cmd.Wait()
	n.cmd = nil
}

// Sentinel is a master, one replica and three sentinels watching them
// under the name MasterName.
type Sentinel struct {
	Master, Replica *Node
	Sentinels       []*Node
	MasterName      string
}

// StartSentinel starts the master, its replica and three sentinels, and
// waits until the sentinels know the replica.
func StartSentinel(t testing.TB) *Sentinel {
	t.Helper()
	s := &Sentinel{MasterName: "collabmaster"}
	s.Master = launch(t, freePort(t))
	host, port, _ := net.SplitHostPort(s.Master.Addr)
	s.Replica = launch(t, freePort(t), "--replicaof", host, port)
	s.Replica.await(t, func(rdb *redis.Client) error {
		return infoHas(rdb, "replication", "master_link_status:up")
	})
	for range 3 {
		conf := filepath.Join(t.TempDir(), "sentinel.conf")
		body := fmt.Sprintf("sentinel monitor %s %s %s 2\nsentinel down-after-milliseconds %[1]s 1000\nsentinel failover-timeout %[1]s 5000\n",
			s.MasterName, host, port)
		if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		s.Sentinels = append(s.Sentinels, launch(t, freePort(t), conf, "--sentinel"))
	}
	for _, n := range s.Sentinels {
		n.await(t, func(rdb *redis.Client) error {
			r, err := rdb.Do(context.Background(), "SENTINEL", "REPLICAS", s.MasterName).Slice()
			if err == nil && len(r) == 0 {
				err = fmt.Errorf("sentinel does not know the replica yet")
			}
			return err
		})
	}
	return s
}

// URL is the REDIS_URL of this setup in the Sentinel form.
func (s *Sentinel) URL() string {
	u := "redis+sentinel://" + s.Sentinels[0].Addr + "/0?master_name=" + s.MasterName
	for _, n := range s.Sentinels[1:] {
		u += "&addr=" + n.Addr
	}
	return u
}

// Failover makes the sentinels promote the replica, and waits until they
// name it the master and it accepts writes.
func (s *Sentinel) Failover(t testing.TB) {
	t.Helper()
	rdb := s.Sentinels[0].Client()
	defer rdb.Close()
	if err := rdb.Do(context.Background(), "SENTINEL", "FAILOVER", s.MasterName).Err(); err != nil {
		t.Fatalf("SENTINEL FAILOVER: %v", err)
	}
	for _, n := range s.Sentinels {
		n.await(t, func(rdb *redis.Client) error {
			addr, err := rdb.Do(context.Background(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", s.MasterName).StringSlice()
			if err == nil && strings.Join(addr, ":") != s.Replica.Addr {
				err = fmt.Errorf("master is still %v", addr)
			}
			return err
		})
	}
	s.Replica.await(t, func(rdb *redis.Client) error { return infoHas(rdb, "replication", "role:master") })
	s.Master, s.Replica = s.Replica, s.Master
}

// Cluster is three masters holding every slot, no replicas.
type Cluster struct {
	Nodes []*Node
}

// StartCluster starts three cluster-enabled servers, joins them with
// redis-cli --cluster create and waits until every node reports the
// cluster ok.
func StartCluster(t testing.TB) *Cluster {
	t.Helper()
	need(t, "redis-cli")
	c := &Cluster{}
	args := []string{"--cluster", "create"}
	for range 3 {
		// The bus port is set apart: the default, port+10000, may be above 65535.
		n := launch(t, freePort(t), "--cluster-enabled", "yes", "--cluster-port", strconv.Itoa(freePort(t)),
			"--cluster-node-timeout", "2000")
		c.Nodes = append(c.Nodes, n)
		args = append(args, n.Addr)
	}
	args = append(args, "--cluster-replicas", "0", "--cluster-yes")
	if out, err := exec.Command("redis-cli", args...).CombinedOutput(); err != nil {
		t.Fatalf("redis-cli %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	for _, n := range c.Nodes {
		n.await(t, func(rdb *redis.Client) error { return infoHas(rdb, "", "cluster_state:ok") })
	}
	return c
}

// URL is the REDIS_URL of the cluster in the Cluster form.
func (c *Cluster) URL() string {
	u, sep := "redis+cluster://"+c.Nodes[0].Addr, "?"
	for _, n := range c.Nodes[1:] {
		u, sep = u+sep+"addr="+n.Addr, "&"
	}
	return u
}

// infoHas checks that INFO section (CLUSTER INFO for "") holds line.
func infoHas(rdb *redis.Client, section, line string) error {
	ctx := context.Background()
	var text string
	var err error
	if section == "" {
		text, err = rdb.ClusterInfo(ctx).Result()
	} else {
		text, err = rdb.Info(ctx, section).Result()
	}
	if err != nil {
		return err
	}
	if !strings.Contains(text, line) {
		return fmt.Errorf("%q not yet in %s info", line, section)
	}
	return nil
}
