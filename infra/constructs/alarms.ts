import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface AlarmsProps {
  /** Who is told (SNS email subscription; confirm the mail AWS sends once). */
  email?: string;
  /** One state machine per SOP id. */
  machines: Record<string, IStateMachine>;
  /** Functions whose errors mean something went wrong for people (logical name → function). */
  functions: Record<string, IFunction>;
  stage: HttpStage;
  /** Dead-letter queues of asynchronous invocations and the stream, by name. */
  failureQueues: Record<string, IQueue>;
}

const PERIOD = Duration.minutes(5);

/**
 * The operator hears of trouble here: every alarm notifies one SNS topic. Each alarm's description (in the
 * mail) says what happened and what to do; README "Deploy to AWS" lists them.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'lakip-flow: peringatan operasional',
      enforceSSL: true,
    });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notices carry alarm names and metric values only, no personal data; CloudWatch cannot publish to a topic encrypted with the AWS-managed key, and a customer key would cost more than the data warrants.',
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));

    for (const [sopId, m] of Object.entries(props.machines)) {
      this.add(
        `SiklusGagal-${sopId}`,
        new MathExpression({
          expression: 'FILL(gagal, 0) + FILL(habis, 0)',
          usingMetrics: {
            gagal: m.metricFailed({ period: PERIOD }),
            habis: m.metricTimedOut({ period: PERIOD }),
          },
          period: PERIOD,
          label: 'eksekusi gagal atau habis waktu',
        }),
        `Siklus SOP ${sopId} berhenti (eksekusi Step Functions gagal atau habis waktu). Siklus itu tidak berjalan lagi: lihat penyebabnya di konsol Step Functions (tab Executions, status Failed/Timed out), perbaiki, lalu mulai siklus baru untuk instansi tersebut.`,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      this.add(
        `FungsiGalat-${name}`,
        fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        `Fungsi ${name} mengalami galat. Langkah yang memanggilnya dicoba ulang oleh Step Functions atau jadwalnya; bila berulang, siklus dapat berhenti (lihat juga peringatan SiklusGagal). Lihat log fungsi di CloudWatch Logs.`,
      );
    }
    this.add(
      'HalamanGalat',
      props.stage.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      'Halaman tugas menjawab galat 5xx ("Terjadi kesalahan") kepada pengguna tautan. Lihat log fungsi halaman dan log akses API.',
    );
    const meaning: Record<string, string> = {
      UnggahanGagal:
        'Berkas unggahan unit tidak dapat diproses setelah dicoba ulang; tugas unit itu tetap terbuka. Pesan di antrean UnggahanGagal menyebut berkasnya: periksa log fungsi Unggahan, lalu minta unit mengunggah ulang.',
      PenerusanGagal:
        'Jawaban yang sudah tercatat tidak dapat diteruskan ke Step Functions setelah dicoba ulang. Jawabannya tidak hilang: pengingat terjadwal meneruskannya kembali. Bila peringatan berulang, periksa log fungsi Penerus.',
    };
    for (const [name, queue] of Object.entries(props.failureQueues)) {
      this.add(
        name,
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        meaning[name] ?? `Antrean ${name} berisi kejadian yang gagal diproses; periksa log fungsi terkait.`,
      );
    }
  }

  private add(id: string, metric: IMetric, description: string) {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
