import { VisitorQueueLoading } from "@/app/(portal)/_visitor-console/queue-loading";

export default VisitorQueueLoading;
