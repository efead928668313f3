# Background jobs: &, $!, wait, jobs, kill %N.

#### background command and wait
sleep 0.2 && echo bg-done &
echo fg
wait
## STDOUT:
fg
bg-done
## END

#### dollar-bang is set
sleep 0.1 &
case $! in ''|*[!0-9]*) echo bad;; *) echo number;; esac
wait
## stdout: number

#### wait for a pid returns its status
sh -c 'exit 3' &
wait $!
echo $?
## stdout: 3

#### wait for a job spec
(sleep 0.2; exit 4) &
wait %1
echo $?
## stdout: 4

#### background pipeline
printf 'b\na\n' | sort > sorted &
wait
cat sorted
## STDOUT:
a
b
## END

#### background job does not change variables
x=1
x=2 &
wait
echo $x
## stdout: 1

#### kill a job
sleep 30 &
pid=$!
kill %1
wait $pid
echo $?
## stdout: 143

#### kill by pid
sleep 30 &
kill $!
wait $!
echo $?
## stdout: 143

#### kill a background pipeline
sleep 30 | sleep 30 &
kill %1
wait
echo killed
## stdout: killed

#### jobs lists a running job
sleep 1 &
jobs | sed 's/ .*//'
kill %1
## stdout: [1]+

#### wait with no jobs
wait
echo $?
## stdout: 0

#### wait for an unknown pid
wait 999999 2>/dev/null
echo $?
## stdout: 127

#### a job keeps an input piped to the code that starts it
echo 'piped in' | { cat & wait; }
echo end
## STDOUT:
piped in
end
## END

#### two jobs and their numbers
sleep 0.1 &
sleep 0.2 &
jobs | wc -l
wait
## stdout: 2

#### fg waits for a job
# bash has no fg without job control (a non-interactive shell); pipesh waits for the job
(sleep 0.1; exit 6) &
fg %1 >/dev/null
echo $?
## stdout: 6
## N-I bash stdout: 1

#### background function
f() { echo from-f; }
f &
wait
## stdout: from-f

#### and-or list in the background
true && echo yes &
wait
## stdout: yes

#### jobs prints a running job as bash does
sleep 1 &
jobs
kill %1
## stdout: [1]+  Running                 sleep 1 &

#### kill -0 asks whether a process exists
kill -0 $$
echo $?
kill -0 999999 2>/dev/null
echo $?
## STDOUT:
0
1
## END

#### kill -9 a job
# wait on the pid, not %1: bash may reap a killed job and forget %1 before `wait` runs, while it
# must remember the status of $! (POSIX), so this form is exact in both shells
sleep 5 &
pid=$!
kill -9 %1
wait $pid
echo $?
## stdout: 137

#### wait for a job that is not there
wait %4 2>/dev/null
echo $?
## stdout: 127
