;; The Java panc as a server, for differential testing (tests/differential/java_oracle.py).
;;
;; Run with the oracle's classpath: java -cp CP clojure.main oracle_server.clj
;; Reads one request per line on stdin, a JSON array of panc arguments; answers one JSON object
;; per line on stdout: {"rc": exit code, "stdout": ..., "stderr": ...}, what the panc command
;; would have exited with and printed for those arguments. It runs the same code as panc's main
;; (org.quattor.pan.pan-compiler: parse-opts, to-settings, Compiler/run, formatErrors), in one JVM,
;; so that thousands of small compilations do not each pay the JVM's start-up (about 1 s).
;; Only the process exit is left out.
(ns pan-tools.differential.oracle-server
  (:require [clojure.tools.cli :as cli]
            [clojure.java.io :as io]
            [clojure.pprint :refer [pprint]]
            [clojure.string :as str]
            [org.quattor.pan.pan-compiler :as pan-compiler]
            [org.quattor.pan.cmd-option :refer [to-settings]]
            [org.quattor.pan.settings :as settings])
  (:import [java.io BufferedReader ByteArrayOutputStream InputStreamReader OutputStreamWriter PrintStream]
           [clojure.lang ExceptionInfo]
           [com.google.gson Gson]))

(defn- run-panc
  "What panc's -main does for ARGS, returning the exit code instead of exiting."
  [args]
  (try
    (let [{:keys [options arguments errors]} (cli/parse-opts args pan-compiler/cli-args)]
      (if errors
        (do (pprint errors)
            (println (pan-compiler/format-ex-info
                      (ex-info "" {:type :options :msg (str/join \newline errors)})))
            1)
        (settings/with-settings (to-settings options)
          (let [results (pan-compiler/build-profiles options (map io/file arguments))
                errors (.formatErrors results)]
            (when errors (println errors))
            (if errors 1 0)))))
    (catch ExceptionInfo e
      (println (pan-compiler/format-ex-info e))
      1)
    (catch Throwable t
      (println pan-compiler/bug-report-msg)
      (.printStackTrace t)
      1)))

(defn- captured
  "Runs panc for ARGS with System.out, System.err and *out* captured."
  [args]
  (let [out-bytes (ByteArrayOutputStream.)
        err-bytes (ByteArrayOutputStream.)
        real-out System/out
        real-err System/err
        out (PrintStream. out-bytes true "UTF-8")
        err (PrintStream. err-bytes true "UTF-8")]
    (System/setOut out)
    (System/setErr err)
    (try
      (let [rc (binding [*out* (OutputStreamWriter. out "UTF-8")
                         *err* (OutputStreamWriter. err "UTF-8")]
                 (let [rc (run-panc args)]
                   (flush)
                   rc))]
        (.flush out)
        (.flush err)
        {"rc" rc "stdout" (.toString out-bytes "UTF-8") "stderr" (.toString err-bytes "UTF-8")})
      (finally
        (System/setOut real-out)
        (System/setErr real-err)))))

(def ^:private longest-compilation-ms
  "A compilation still running after this long (a foreach over a list that grows: Java has no
  limit there) ends the server, so that it cannot outlive its client spinning. The client gives
  up much sooner (java_oracle.TIME_LIMIT_SECONDS) and starts another server."
  600000)

(let [gson (Gson.)
      in (BufferedReader. (InputStreamReader. System/in "UTF-8"))
      answer (PrintStream. System/out true "UTF-8")]
  (.println answer "{\"ready\": true}")
  (loop []
    (when-let [line (.readLine in)]
      (let [args (vec (.fromJson gson ^String line (class (into-array String []))))
            result (deref (future (captured args)) longest-compilation-ms ::too-long)]
        (when (= result ::too-long)
          (System/exit 3))
        (.println answer (.toJson gson (java.util.HashMap. result))))
      (recur)))
  (shutdown-agents))
